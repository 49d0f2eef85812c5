#!/usr/bin/env bash
# Makes `require('@tensorflow/tfjs-node')` work on a machine that reaches only package registries, or, with
# TFJS_NATIVE_VARIANT=gpu, `require('@tensorflow/tfjs-node-gpu')` on the CUDA-enabled wheel of the same
# TensorFlow (what the GPU trainer images run; the CUDA/cuDNN it needs are pinned in versions.env).
#
# tfjs-node's own install script downloads libtensorflow from storage.googleapis.com, which these
# machines cannot reach, so npm drops the optional dependency. Instead this script:
#   1. takes the TensorFlow C library (libtensorflow_cc.so.2 + libtensorflow_framework.so.2 + the C
#      headers) out of the tensorflow-cpu wheel on PyPI; the 2.15.1 wheel ships the C API in a library
#      that does not need Python (2.9.3's has it only inside _pywrap_tensorflow_internal.so);
#   2. fetches the tfjs-node package from the npm registry and its run-time dependencies (install
#      scripts off), leaving out @tensorflow/* so it shares the project's single tfjs-core;
#   3. builds the addon (binding/*.cc) with node-gyp against that library and the local Node headers;
#   4. assembles node_modules/@tensorflow/tfjs-node and checks that it loads and computes.
# Everything downloaded or built is cached under deploy/tfjs-native/cache (git-ignored): a second run
# only re-checks. Run it after `npm install` (which removes anything it did not install itself).
#
# Versions come from versions.env (the pins the GPU images are checked against).
#
# Environment: TFJS_NATIVE_VARIANT (cpu, the default: tensorflow-cpu wheel -> @tensorflow/tfjs-node; gpu: the
# CUDA-enabled tensorflow wheel -> @tensorflow/tfjs-node-gpu, see README.md), TFJS_NATIVE_TF_VERSION (overrides
# versions.env's TF_VERSION), TFJS_NATIVE_NODEDIR (Node headers, default: the prefix of the running node, e.g.
# /usr), TFJS_NATIVE_FORCE=1 (rebuild and reinstall), TFJS_NATIVE_REQUIRE_GPU=1 (gpu variant: fail unless
# TensorFlow finds a GPU; without it, a machine with no GPU verifies the CPU fallback only).
set -Eeuo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CACHE="$HERE/cache"
BUILD="$HERE/build"
# shellcheck source=versions.env
source "$HERE/versions.env"
TF_VERSION="${TFJS_NATIVE_TF_VERSION:-$TF_VERSION}"
VARIANT="${TFJS_NATIVE_VARIANT:-cpu}"
case "$VARIANT" in
  # The wheels differ in CUDA kernels only; the npm packages differ in name (tfjs-node sets isGPUPackage from
  # it) and install script, their binding sources are identical.
  cpu) WHEEL_PROJECT=tensorflow-cpu PACKAGE=@tensorflow/tfjs-node VARIANT_TAG="" ;;
  gpu) WHEEL_PROJECT=tensorflow PACKAGE=@tensorflow/tfjs-node-gpu VARIANT_TAG="gpu-" ;;
  *) printf '[tfjs-native] FAILED: TFJS_NATIVE_VARIANT must be cpu or gpu, not %s\n' "$VARIANT" >&2; exit 1 ;;
esac
# The wheel's file name: project name with '-' as '_'.
WHEEL_PREFIX="${WHEEL_PROJECT//-/_}-$TF_VERSION-"
PACKAGE_FILE="${PACKAGE#@}" && PACKAGE_FILE="${PACKAGE_FILE//\//-}"
TARGET="$ROOT/node_modules/$PACKAGE"

log() { printf '[tfjs-native] %s\n' "$*"; }
fail() { printf '[tfjs-native] FAILED: %s\n' "$*" >&2; exit 1; }
trap 'fail "command failed (line $LINENO): $BASH_COMMAND"' ERR

check_prerequisites() {
  local tool
  for tool in node npm python3 unzip g++ make; do
    command -v "$tool" >/dev/null || fail "'$tool' is not installed"
  done
  python3 -m pip --version >/dev/null 2>&1 || fail "pip is missing (python3 -m pip), needed to fetch the TensorFlow wheel"
  NODEDIR="${TFJS_NATIVE_NODEDIR:-$(node -p 'require("path").resolve(process.execPath, "../..")')}"
  [[ -f "$NODEDIR/include/node/node_api.h" ]] ||
    fail "Node headers not found at $NODEDIR/include/node (set TFJS_NATIVE_NODEDIR; node-gyp cannot download them offline)"
  NODE_GYP="$(npm root -g 2>/dev/null)/npm/node_modules/node-gyp/bin/node-gyp.js"
  [[ -f "$NODE_GYP" ]] || fail "node-gyp not found at $NODE_GYP (it ships with npm)"
  local tfjs_version
  tfjs_version="$(node -p 'require(process.argv[1]).version' "$ROOT/node_modules/@tensorflow/tfjs/package.json" 2>/dev/null)" ||
    fail "node_modules/@tensorflow/tfjs is missing: run 'npm install' first"
  [[ "$tfjs_version" == "$TFJS_NODE_VERSION" ]] ||
    fail "@tensorflow/tfjs is $tfjs_version but tfjs-node $TFJS_NODE_VERSION needs $TFJS_NODE_VERSION (one shared tfjs-core)"
  mkdir -p "$CACHE" "$BUILD"
}

# 1. The TensorFlow C library, from PyPI.
fetch_tensorflow() {
  TF_DIR="$CACHE/tensorflow-$VARIANT_TAG$TF_VERSION"
  if [[ -f "$TF_DIR/.complete" ]]; then
    log "TensorFlow $TF_VERSION C library: cached in ${TF_DIR#"$ROOT"/}"
    return
  fi
  local wheel
  wheel="$(ls "$CACHE/$WHEEL_PREFIX"*.whl 2>/dev/null | head -n1 || true)"
  if [[ -z "$wheel" ]]; then
    log "downloading $WHEEL_PROJECT==$TF_VERSION wheel from PyPI (cpu ~200 MB, gpu ~475 MB)"
    # The wheel is only unpacked, never imported: any CPython tag with a Linux x86-64 build will do.
    python3 -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.10 \
      --platform manylinux2014_x86_64 --dest "$CACHE" "$WHEEL_PROJECT==$TF_VERSION" ||
      fail "pip could not download $WHEEL_PROJECT==$TF_VERSION"
    wheel="$(ls "$CACHE/$WHEEL_PREFIX"*.whl | head -n1)"
  fi
  log "extracting the C library and headers from $(basename "$wheel")"
  rm -rf "$TF_DIR" && mkdir -p "$TF_DIR/lib" "$TF_DIR/unpacked"
  unzip -q -o "$wheel" 'tensorflow/libtensorflow_cc.so.2' 'tensorflow/libtensorflow_framework.so.2' \
    'tensorflow/include/tensorflow/c/*' 'tensorflow/include/tensorflow/core/platform/ctstring*' \
    'tensorflow/include/tsl/c/*' 'tensorflow/include/tsl/platform/ctstring*' -d "$TF_DIR/unpacked" 2>/dev/null || true
  [[ -f "$TF_DIR/unpacked/tensorflow/libtensorflow_cc.so.2" ]] ||
    fail "the $WHEEL_PROJECT $TF_VERSION wheel has no libtensorflow_cc.so.2 (older wheels keep the C API inside the Python extension); use a newer TFJS_NATIVE_TF_VERSION, e.g. 2.15.1"
  mv "$TF_DIR"/unpacked/tensorflow/lib*.so.2 "$TF_DIR/lib/"
  mv "$TF_DIR/unpacked/tensorflow/include" "$TF_DIR/include"
  rm -rf "$TF_DIR/unpacked"
  # binding.gyp links with -ltensorflow -ltensorflow_framework; the addon then records the real
  # sonames (libtensorflow_cc.so.2, libtensorflow_framework.so.2), so no patchelf is needed. The GPU build
  # dlopens CUDA and cuDNN lazily (no NEEDED entry): they come from the image's CUDA base or LD_LIBRARY_PATH.
  ln -sf libtensorflow_cc.so.2 "$TF_DIR/lib/libtensorflow.so"
  ln -sf libtensorflow_framework.so.2 "$TF_DIR/lib/libtensorflow_framework.so"
  touch "$TF_DIR/.complete"
}

# 2. The tfjs-node package and its run-time dependencies, from the npm registry, no scripts run.
fetch_tfjs_node() {
  TARBALL="$CACHE/$PACKAGE_FILE-$TFJS_NODE_VERSION.tgz"
  if [[ ! -f "$TARBALL" ]]; then
    log "downloading $PACKAGE@$TFJS_NODE_VERSION from the npm registry"
    (cd "$CACHE" && npm pack --silent "$PACKAGE@$TFJS_NODE_VERSION" >/dev/null) ||
      fail "npm pack $PACKAGE@$TFJS_NODE_VERSION failed"
  fi
  DEPS_DIR="$CACHE/runtime-deps-$VARIANT_TAG$TFJS_NODE_VERSION"
  if [[ -f "$DEPS_DIR/.complete" ]]; then
    log "$PACKAGE run-time dependencies: cached"
    return
  fi
  log "installing $PACKAGE's run-time dependencies into a scratch folder (--ignore-scripts)"
  local scratch="$CACHE/npm-scratch"
  rm -rf "$scratch" "$DEPS_DIR" && mkdir -p "$scratch" "$DEPS_DIR/node_modules"
  echo '{ "name": "tfjs-native-scratch", "private": true }' >"$scratch/package.json"
  (cd "$scratch" && npm install --silent --ignore-scripts --no-audit --no-fund --no-package-lock \
    "$PACKAGE@$TFJS_NODE_VERSION") || fail "npm install of $PACKAGE's dependencies failed"
  local entry
  while IFS= read -r entry; do
    mkdir -p "$(dirname "$DEPS_DIR/node_modules/$entry")"
    cp -a "$scratch/node_modules/$entry" "$DEPS_DIR/node_modules/$entry"
  done < <(node "$HERE/runtime-deps.mjs" "$scratch" "$PACKAGE")
  rm -rf "$scratch"
  touch "$DEPS_DIR/.complete"
}

# 3. The addon, built with node-gyp against the wheel's library and this machine's Node headers.
build_addon() {
  local napi abi
  napi="$(node -p 'process.versions.napi')"
  abi="$(node -p 'process.versions.modules')"
  # node-pre-gyp (which tfjs-node uses to find the addon) picks the highest napi version it lists.
  NAPI_BUILD="$(tar -xzOf "$TARBALL" package/package.json | node -p \
    'JSON.parse(fs.readFileSync(0, "utf8")).binary.napi_versions.filter((v) => v <= Number(process.argv[1])).at(-1)' "$napi")"
  ADDON="$CACHE/addon-$VARIANT_TAG$TFJS_NODE_VERSION-tf$TF_VERSION-abi$abi-napi$NAPI_BUILD/tfjs_binding.node"
  if [[ -f "$ADDON" && -z "${TFJS_NATIVE_FORCE:-}" ]]; then
    log "addon: cached (${ADDON#"$ROOT"/})"
    return
  fi
  local src="$BUILD/tfjs-node-$VARIANT_TAG$TFJS_NODE_VERSION"
  log "building tfjs_binding.node (N-API $NAPI_BUILD) with node-gyp against TensorFlow $TF_VERSION ($VARIANT build)"
  rm -rf "$src" && mkdir -p "$src"
  # Only what node-gyp needs: the package's TypeScript sources would land in the repo-wide typecheck.
  tar -xzf "$TARBALL" -C "$src" --strip-components=1 package/binding.gyp package/binding package/package.json
  mkdir -p "$src/deps"
  ln -s "$TF_DIR/lib" "$src/deps/lib"
  ln -s "$TF_DIR/include" "$src/deps/include"
  (cd "$src" && node "$NODE_GYP" rebuild --nodedir="$NODEDIR" --module_name=tfjs_binding \
    --module_path="$src/lib/napi-v$NAPI_BUILD" --napi_build_version="$NAPI_BUILD" >"$BUILD/node-gyp-$VARIANT.log" 2>&1) ||
    fail "node-gyp build failed; see ${BUILD#"$ROOT"/}/node-gyp-$VARIANT.log (last lines: $(tail -n 5 "$BUILD/node-gyp-$VARIANT.log" | tr '\n' ' '))"
  mkdir -p "$(dirname "$ADDON")"
  cp "$src/build/Release/tfjs_binding.node" "$ADDON"
}

# 4. node_modules/@tensorflow/tfjs-node, assembled beside the target and swapped in.
install_package() {
  local stamp="${PACKAGE#@tensorflow/} $TFJS_NODE_VERSION, TensorFlow $TF_VERSION, $(basename "$(dirname "$ADDON")")"
  if [[ -z "${TFJS_NATIVE_FORCE:-}" && "$(cat "$TARGET/.tfjs-native" 2>/dev/null || true)" == "$stamp" ]]; then
    log "node_modules/$PACKAGE: already installed ($stamp)"
    return
  fi
  log "installing node_modules/$PACKAGE"
  local staging="$TARGET.tfjs-native-staging"
  rm -rf "$staging" && mkdir -p "$staging/deps" "$staging/lib/napi-v$NAPI_BUILD"
  tar -xzf "$TARBALL" -C "$staging" --strip-components=1
  # Hard links keep the ~600 MB library from being copied again when cache and node_modules share a disk.
  cp -al "$TF_DIR/lib" "$staging/deps/lib" 2>/dev/null || cp -a "$TF_DIR/lib" "$staging/deps/lib"
  cp -a "$DEPS_DIR/node_modules" "$staging/node_modules"
  cp "$ADDON" "$staging/lib/napi-v$NAPI_BUILD/tfjs_binding.node"
  echo "$stamp" >"$staging/.tfjs-native"
  rm -rf "$TARGET" && mv "$staging" "$TARGET"
}

# 5. The platform's own kernels (ops/ser_ops.c, TensorFlow's C kernel API), compiled beside the binding on every
# run (well under a second). Without them the models run the same math in tfjs ops, so a failure only warns.
build_custom_ops() {
  local out="$TARGET/lib/napi-v$NAPI_BUILD/ser_ops.node" log_file="$BUILD/ser-ops-$VARIANT.log"
  mkdir -p "$BUILD"
  if "${CC:-cc}" -O3 -fPIC -shared -std=c11 -Wall -DNODE_GYP_MODULE_NAME=ser_ops "$HERE/ops/ser_ops.c" -o "$out.tmp" \
    -I"$TF_DIR/include" -I"$NODEDIR/include/node" -L"$TARGET/deps/lib" -l:libtensorflow_framework.so.2 \
    -Wl,-rpath,'$ORIGIN/../../deps/lib' >"$log_file" 2>&1; then
    mv "$out.tmp" "$out"
    log "custom kernels: ${out#"$ROOT"/}"
  else
    rm -f "$out" "$out.tmp"
    log "WARNING: the custom kernels (ops/ser_ops.c) did not compile (see ${log_file#"$ROOT"/}); the models run that math in tfjs ops"
  fi
}

verify() {
  log "verifying that $PACKAGE loads and shares the project's tfjs-core"
  (cd "$ROOT" && TF_CPP_MIN_LOG_LEVEL=2 node "$HERE/verify.mjs" "$PACKAGE") || fail "the installed $PACKAGE does not work (see above)"
}

check_prerequisites
fetch_tensorflow
fetch_tfjs_node
build_addon
install_package
build_custom_ops
verify
if [[ "$VARIANT" == gpu ]]; then
  log "done: $PACKAGE is installed (SER_TFJS_BACKEND=node-gpu on a machine with an NVIDIA GPU and CUDA $TF_CUDA_VERSION / cuDNN $TF_CUDNN_VERSION libraries)"
else
  log "done: the 'node' backend is available (SER_TFJS_BACKEND=node, or automatic selection)"
fi
