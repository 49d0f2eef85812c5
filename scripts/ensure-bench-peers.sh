#!/usr/bin/env bash
# The benches' peers (test/bench, ../shared/peers): Debian's PyTorch and torchaudio with OpenBLAS on /usr/bin/python3
# (without OpenBLAS torch falls back to a reference BLAS ~13x slower), then the serving peer's PyPI packages, which
# ensure-prereqs.sh installs once that interpreter has torch. Bench-only: the tests need none of it.
set -euo pipefail
PEER_APT=(python3-torch python3-torchaudio libopenblas0-pthread)
if ! /usr/bin/python3 -c 'import torch, torchaudio' 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "ensure-bench-peers: installing ${PEER_APT[*]} with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${PEER_APT[@]}" >/dev/null
  else
    echo "ensure-bench-peers: missing ${PEER_APT[*]}; install them (Debian: sudo apt-get install ${PEER_APT[*]})" >&2
    exit 1
  fi
fi
exec bash "$(dirname "$0")/ensure-prereqs.sh"
