# syntax=docker/dockerfile:1
# The classifier training service (FOP fine-tuning, hypercolumns, TACN and baselines).
# GPU image: CUDA 12.2 + cuDNN 8.9 runtime with @tensorflow/tfjs-node-gpu built against PyPI's tensorflow 2.15.1 wheel, the
# TensorFlow development runs (pins: deploy/tfjs-native/versions.env), running one esbuild bundle (no TypeScript, no tsx).
# Build from the repository root:
#   docker build -f deploy/docker/classifier-trainer.Dockerfile -t ser/classifier-trainer:0.1.0 .

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
 && npx tsx deploy/bundle/bundle-services.ts classifier-trainer

# -- tfjs-gpu: @tensorflow/tfjs-node-gpu from deploy/tfjs-native/build.sh's GPU variant: the addon built with node-gyp
#    against the C library of PyPI's tensorflow wheel at versions.env's TF_VERSION (the npm package's own install script
#    would fetch libtensorflow 2.9.1 for CUDA 11). Built on the bundle stage, whose node_modules hold the project's
#    @tensorflow/tfjs; there is no GPU here, so its check covers loading and TensorFlow's CPU fallback only.
FROM bundle AS tfjs-gpu
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip unzip make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY deploy/tfjs-native deploy/tfjs-native
# The package's files are hard links into the cache, so dropping the cache keeps them.
RUN TFJS_NATIVE_VARIANT=gpu bash deploy/tfjs-native/build.sh \
 && rm -rf deploy/tfjs-native/cache deploy/tfjs-native/build

# -- deps: the bundle's external packages only (native addons, wasm, files they load beside themselves), production
#    dependencies of its package.json, with scripts off; then the GPU package built above. The CPU package is removed so
#    @ser/tfjs-backend cannot fall back to it silently.
FROM node:20.20.2-bookworm-slim AS deps
WORKDIR /app
COPY --from=bundle /src/dist/bundles/classifier-trainer/package.json ./
RUN npm install --omit=dev --no-audit --no-fund --ignore-scripts \
 && rm -rf node_modules/@tensorflow/tfjs-node node_modules/@tensorflow/tfjs-node-gpu \
 && npm cache clean --force
COPY --from=tfjs-gpu /src/node_modules/@tensorflow/tfjs-node-gpu node_modules/@tensorflow/tfjs-node-gpu

# -- runtime: CUDA libraries + Node's binary from the official image (built for glibc 2.28+, Ubuntu 22.04 has 2.35). The tag's
#    CUDA major.minor and cuDNN major must match versions.env (TF_CUDA_VERSION, TF_CUDNN_VERSION): TensorFlow dlopens them
#    at start and runs on the CPU, without failing, when they do not fit (@ser/tfjs-backend then refuses node-gpu).
FROM nvidia/cuda:12.2.2-cudnn8-runtime-ubuntu22.04 AS runtime
RUN groupadd --system --gid 10001 ser && useradd --system --uid 10001 --gid 10001 --no-create-home ser \
 && mkdir -p /cuda-cache && chown 10001:10001 /cuda-cache
COPY --from=deps /usr/local/bin/node /usr/local/bin/node
WORKDIR /app
# CUDA_CACHE_*: kernels TensorFlow ships only as PTX for a GPU are JIT-compiled by the driver on first use; a persistent
# cache (the chart mounts a volume at /cuda-cache) makes that a one-time cost instead of one per start.
ENV NODE_ENV=production SER_GRPC_HOST=0.0.0.0 SER_DATA_DIR=/data SER_SEED_DEMO=false \
    CUDA_CACHE_PATH=/cuda-cache CUDA_CACHE_MAXSIZE=4294967296 TF_FORCE_GPU_ALLOW_GROWTH=true
COPY --from=deps /app/node_modules node_modules
COPY --from=bundle /src/dist/bundles/classifier-trainer ./
USER 10001:10001
EXPOSE 50054
# Docker/Podman only; Kubernetes uses the chart's native probes (deploy/helm/ser).
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 CMD ["node", "healthcheck.js", "grpc", "50054"]
CMD ["node", "main.js"]
