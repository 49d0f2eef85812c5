# syntax=docker/dockerfile:1
# The model registry: registered model versions, aliases, model cards and kept-model downloads (gRPC on 50056).
# CPU image: Node 20 (Debian slim) with @tensorflow/tfjs-node, running one esbuild bundle
# (no TypeScript, no tsx). Build from the repository root:
#   docker build -f deploy/docker/model-registry.Dockerfile -t ser/model-registry:0.1.0 .

# -- bundle: the service, its worker threads and its protos as one esbuild bundle (deploy/bundle/bundle-services.ts),
#    with a package.json naming only the packages left outside it. The compilers stay in this stage.
FROM node:20.20.2-bookworm-slim AS bundle
WORKDIR /src
COPY package.json package-lock.json tsconfig.json tsconfig.base.json ./
COPY libs libs
COPY services services
COPY proto proto
COPY scripts/migrate.ts scripts/create-topics.ts scripts/
COPY deploy/bundle deploy/bundle
COPY deploy/docker/healthcheck.mjs deploy/docker/
# Dev dependencies too (esbuild, tsx run the bundler); scripts off: nothing native is needed to bundle.
RUN npm install --no-audit --no-fund --ignore-scripts \
 && npx tsx deploy/bundle/bundle-services.ts model-registry

# -- deps: the bundle's external packages only (native addons, wasm, files they load beside themselves), production
#    dependencies of its package.json; libtensorflow 2.9.1, CPU build; the GPU package belongs to the trainer images.
FROM node:20.20.2-bookworm-slim AS deps
# node-gyp's fallback when no prebuilt tfjs-node addon matches this Node.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=bundle /src/dist/bundles/model-registry/package.json ./
RUN npm install --omit=dev --no-audit --no-fund --ignore-scripts \
 && npm rebuild @tensorflow/tfjs-node \
 && rm -rf node_modules/@tensorflow/tfjs-node-gpu \
 && npm cache clean --force

# -- runtime: the bundle and its external packages, no compilers, no npm install, a non-root user.
FROM node:20.20.2-bookworm-slim AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 ser && useradd --system --uid 10001 --gid 10001 --no-create-home ser
WORKDIR /app
ENV NODE_ENV=production SER_GRPC_HOST=0.0.0.0 SER_DATA_DIR=/data SER_SEED_DEMO=false
COPY --from=deps /app/node_modules node_modules
COPY --from=bundle /src/dist/bundles/model-registry ./
USER 10001:10001
EXPOSE 50056
# Docker/Podman only; Kubernetes uses the chart's native probes (deploy/helm/ser).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "healthcheck.js", "grpc", "50056"]
CMD ["node", "main.js"]
