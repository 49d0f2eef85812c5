# syntax=docker/dockerfile:1
# The FOP pre-training service (causal Transformer, next log-mel frame prediction).
# GPU image: CUDA 11.8 + cuDNN 8 runtime with @tensorflow/tfjs-node-gpu, running one esbuild bundle (no TypeScript, no tsx); its libtensorflow 2.9.1 needs CUDA 11.2+
# and cuDNN 8.1+ (CUDA 11 minor-version compatibility lets 11.8 serve it). Build from the repository root:
#   docker build -f deploy/docker/fop-pretrainer.Dockerfile -t ser/fop-pretrainer:0.1.0 .

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
 && npx tsx deploy/bundle/bundle-services.ts fop-pretrainer

# -- deps: the bundle's external packages only (native addons, wasm, files they load beside themselves), production
#    dependencies of its package.json; libtensorflow 2.9.1, GPU build; the CPU package is removed so @ser/tfjs-backend cannot fall back to it silently.
FROM node:20.20.2-bookworm-slim AS deps
# node-gyp's fallback when no prebuilt tfjs-node addon matches this Node.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=bundle /src/dist/bundles/fop-pretrainer/package.json ./
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
COPY --from=bundle /src/dist/bundles/fop-pretrainer ./
USER 10001:10001
EXPOSE 50052
# Docker/Podman only; Kubernetes uses the chart's native probes (deploy/helm/ser).
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 CMD ["node", "healthcheck.js", "grpc", "50052"]
CMD ["node", "main.js"]
