# syntax=docker/dockerfile:1
# The GraphQL gateway for client apps (HTTP on 4000); it reaches the other services over gRPC.
# CPU image: Node 20 (Debian slim) with @tensorflow/tfjs-node. Build from the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t ser/gateway:0.1.0 .

# -- manifests: only the package.json files, so the dependency layer below is rebuilt only when one changes.
FROM node:20.20.2-bookworm-slim AS manifests
WORKDIR /src
COPY libs libs
COPY services services
RUN find libs services -type f ! -name package.json -delete

# -- deps: production dependencies only; native TensorFlow (CPU) is fetched and built here, never in the final image.
FROM node:20.20.2-bookworm-slim AS deps
# node-gyp's fallback when no prebuilt tfjs-node addon matches this Node.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=manifests /src/ ./
# npm install --omit=dev, not npm ci: the lockfile lacks other platforms' optional packages, so npm ci refuses it
# (see .ci/run). Scripts are off, then only tfjs-node's runs (it downloads libtensorflow 2.9.1, CPU build); the GPU
# package is removed, it belongs to the trainer images.
RUN npm install --omit=dev --no-audit --no-fund --ignore-scripts \
 && npm rebuild @tensorflow/tfjs-node \
 && rm -rf node_modules/@tensorflow/tfjs-node-gpu \
 && npm cache clean --force

# -- runtime: sources run by tsx (a production dependency), no compilers, no npm install, a non-root user.
FROM node:20.20.2-bookworm-slim AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 ser && useradd --system --uid 10001 --gid 10001 --no-create-home ser
WORKDIR /app
ENV NODE_ENV=production SER_GRPC_HOST=0.0.0.0 SER_DATA_DIR=/data SER_SEED_DEMO=false
COPY --from=deps /app/node_modules node_modules
COPY package.json tsconfig.json tsconfig.base.json ./
COPY proto proto
COPY libs libs
COPY services services
COPY scripts/migrate.ts scripts/create-topics.ts scripts/
COPY deploy/docker/healthcheck.mjs deploy/docker/
USER 10001:10001
EXPOSE 4000
# Docker/Podman only; Kubernetes uses the chart's native probes (deploy/helm/ser).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "deploy/docker/healthcheck.mjs", "http", "4000", "/healthz"]
CMD ["node", "--import", "tsx", "services/gateway/src/main.ts"]
