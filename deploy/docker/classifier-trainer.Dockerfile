# syntax=docker/dockerfile:1
# The classifier training service (FOP fine-tuning, hypercolumns, TACN and baselines).
# GPU image: CUDA 11.8 + cuDNN 8 runtime with @tensorflow/tfjs-node-gpu, whose libtensorflow 2.9.1 needs CUDA 11.2+
# and cuDNN 8.1+ (CUDA 11 minor-version compatibility lets 11.8 serve it). Build from the repository root:
#   docker build -f deploy/docker/classifier-trainer.Dockerfile -t ser/classifier-trainer:0.1.0 .

# -- manifests: only the package.json files, so the dependency layer below is rebuilt only when one changes.
FROM node:20.20.2-bookworm-slim AS manifests
WORKDIR /src
COPY libs libs
COPY services services
RUN find libs services -type f ! -name package.json -delete

# -- deps: production dependencies only; libtensorflow (GPU build) and the addon are fetched here, not in the final image.
FROM node:20.20.2-bookworm-slim AS deps
# node-gyp's fallback when no prebuilt tfjs-node-gpu addon matches this Node.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=manifests /src/ ./
# npm install --omit=dev, not npm ci: the lockfile lacks other platforms' optional packages, so npm ci refuses it
# (see .ci/run). Scripts are off, then only tfjs-node-gpu's runs (libtensorflow 2.9.1, GPU build); the CPU package
# is removed so @ser/tfjs-backend cannot fall back to it silently.
RUN npm install --omit=dev --no-audit --no-fund --ignore-scripts \
 && npm rebuild @tensorflow/tfjs-node-gpu \
 && rm -rf node_modules/@tensorflow/tfjs-node \
 && npm cache clean --force

# -- runtime: CUDA libraries + Node's binary from the official image (built for glibc 2.28+, Ubuntu 22.04 has 2.35).
FROM nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04 AS runtime
RUN groupadd --system --gid 10001 ser && useradd --system --uid 10001 --gid 10001 --no-create-home ser \
 && mkdir -p /cuda-cache && chown 10001:10001 /cuda-cache
COPY --from=deps /usr/local/bin/node /usr/local/bin/node
WORKDIR /app
# CUDA_CACHE_*: libtensorflow 2.9 ships no Hopper (sm_90) kernels, so the driver JIT-compiles its PTX; a persistent
# cache (the chart mounts a volume at /cuda-cache) makes that a one-time cost instead of one per start.
ENV NODE_ENV=production SER_GRPC_HOST=0.0.0.0 SER_DATA_DIR=/data SER_SEED_DEMO=false \
    CUDA_CACHE_PATH=/cuda-cache CUDA_CACHE_MAXSIZE=4294967296 TF_FORCE_GPU_ALLOW_GROWTH=true
COPY --from=deps /app/node_modules node_modules
COPY package.json tsconfig.json tsconfig.base.json ./
COPY proto proto
COPY libs libs
COPY services services
COPY scripts/migrate.ts scripts/create-topics.ts scripts/
COPY deploy/docker/healthcheck.mjs deploy/docker/
USER 10001:10001
EXPOSE 50054
# Docker/Podman only; Kubernetes uses the chart's native probes (deploy/helm/ser).
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 CMD ["node", "deploy/docker/healthcheck.mjs", "grpc", "50054"]
CMD ["node", "--import", "tsx", "services/classifier-trainer/src/main.ts"]
