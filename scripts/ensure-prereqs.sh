#!/usr/bin/env bash
# Makes sure the programs the tests start are on this machine: Java + Maven (Kafka from Maven Central jars),
# the PostgreSQL server (Debian's package), ffmpeg (non-WAV audio) and Chromium (the console's browser tests drive
# Debian's package through playwright-core; no browser download). As root on Debian it installs what is
# missing; otherwise it names what to install and fails.
set -euo pipefail

# helm for the chart tests (test/deploy), built from the Go module proxy into .cache/tools/bin (git-ignored);
# skipped when it is already there or helm 3 is on PATH. Compiling it takes minutes and needs only Go, so on a fresh
# machine it runs in the background while the packages below install, and is waited for at the end.
HELM_VERSION=v3.16.4
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
helm_pid=
if [ ! -x "$repo_root/.cache/tools/bin/helm" ] && ! command -v helm >/dev/null; then
  if ! command -v go >/dev/null; then
    echo "ensure-prereqs: helm is missing and go is not installed; install Go, or put helm 3 at $repo_root/.cache/tools/bin/helm" >&2
    exit 1
  fi
  echo "ensure-prereqs: building helm $HELM_VERSION with go install (a few minutes, once; in the background)" >&2
  helm_log="$(mktemp)"
  GOBIN="$repo_root/.cache/tools/bin" GOFLAGS=-buildvcs=false go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" >"$helm_log" 2>&1 &
  helm_pid=$!
fi

missing=()
command -v java >/dev/null || missing+=(default-jre-headless)
command -v mvn >/dev/null || missing+=(maven)
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 && ! command -v postgres >/dev/null; then
  missing+=(postgresql)
fi
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
command -v chromium >/dev/null || missing+=(chromium)
python="${SER_TEST_PYTHON:-python3}"
command -v "$python" >/dev/null || missing+=(python3 python3-pip)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "ensure-prereqs: installing ${missing[*]} with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "ensure-prereqs: missing ${missing[*]}; install them (Debian: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

# The Python acceptance tests, from PyPI, skipped when all import already: the producer test
# (test/acceptance/python-producer.spec.ts) needs a Kafka client and jsonschema, the kept-model weights test
# (test/acceptance/safetensors-python.spec.ts) safetensors and numpy, the ONNX export bench (test/bench/onnx-python.ts)
# onnxruntime, the release onnxruntime-node pins. Debian's own python3 refuses a plain pip
# install (PEP 668), hence the retry.
PY_PACKAGES=(confluent-kafka==2.16.1 jsonschema==4.26.0 safetensors==0.8.0 numpy==2.4.6 onnxruntime==1.22.0)
if ! "$python" -c 'import confluent_kafka, jsonschema, safetensors, numpy, onnxruntime' 2>/dev/null; then
  echo "ensure-prereqs: installing ${PY_PACKAGES[*]} with pip" >&2
  "$python" -m pip install -q "${PY_PACKAGES[@]}" || "$python" -m pip install -q --break-system-packages "${PY_PACKAGES[@]}" || {
    echo "ensure-prereqs: could not pip install ${PY_PACKAGES[*]} for $python" >&2
    exit 1
  }
fi

# The inference bench's PyTorch serving peer (test/bench/peers/fop_classifier_serve.py) runs on Debian's python3,
# which has python3-torch like the other torch peers: Starlette on uvicorn serve it, safetensors reads the kept
# model's weights. Only where that interpreter has torch, and skipped when all import already; a bench-only need, so
# a failed install warns instead of failing the setup.
PEER_PYTHON=/usr/bin/python3
PEER_PACKAGES=(starlette==1.10.0 uvicorn==0.54.0 safetensors==0.8.0)
if [ -x "$PEER_PYTHON" ] && "$PEER_PYTHON" -c 'import torch' 2>/dev/null && ! "$PEER_PYTHON" -c 'import starlette, uvicorn, safetensors' 2>/dev/null; then
  echo "ensure-prereqs: installing ${PEER_PACKAGES[*]} for $PEER_PYTHON (the inference bench's torch peer)" >&2
  "$PEER_PYTHON" -m pip install -q "${PEER_PACKAGES[@]}" || "$PEER_PYTHON" -m pip install -q --break-system-packages "${PEER_PACKAGES[@]}" ||
    echo "ensure-prereqs: could not pip install ${PEER_PACKAGES[*]} for $PEER_PYTHON; test/bench/inference.ts needs them for its peer (or --no-peer)" >&2
fi

# Kafka broker jars from Maven Central (idempotent, cached in deploy/kafka/lib).
bash "$(dirname "$0")/../deploy/kafka/fetch.sh"
# The S3-compatible server of the object-storage tests (S3Proxy, cached in deploy/s3proxy/lib).
bash "$(dirname "$0")/../deploy/s3proxy/fetch.sh"

if [ -n "$helm_pid" ]; then
  if ! wait "$helm_pid"; then
    cat "$helm_log" >&2
    echo "ensure-prereqs: building helm $HELM_VERSION failed (log above)" >&2
    exit 1
  fi
  rm -f "$helm_log"
fi
