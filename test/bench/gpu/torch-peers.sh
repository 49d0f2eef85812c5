#!/usr/bin/env bash
# The training-step peers (test/bench/peers, and ../shared/peers/fop_torch.py when given) on a GPU machine, next to
# the same peers on all of that machine's cores: the yardstick our GPU build (deploy/tfjs-native, TFJS_NATIVE_VARIANT=gpu)
# is to be measured against. Also prints what that machine offers our stack (node, CUDA and cuDNN libraries, ONNX
# Runtime's providers), since the device tool's machines carry no registry access.
# Usage: bash test/bench/gpu/torch-peers.sh [path/to/fop_torch.py] > log   (needs torch >= 2.0 with CUDA)
set -uo pipefail
cd "$(dirname "$0")/../peers"
fop_peer="${1:-}"
py="${PYTHON:-python3}"

echo "== machine"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
echo "node: $(command -v node || echo none) $(node --version 2>/dev/null)"
echo "cuda/cudnn libraries on the loader path:"; ldconfig -p | grep -oE 'lib(cudart|cublas|cudnn)\.so\.[0-9]+' | sort -u
"$py" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "cudnn", torch.backends.cudnn.version())'
"$py" -c 'import onnxruntime as o; print("onnxruntime", o.__version__, o.get_available_providers())' 2>&1 | tail -1

# GPU kernels run asynchronously: wait for them before every clock read, so each step and forward pass is timed whole.
sync_clock='import time, torch; _clock = time.perf_counter; time.perf_counter = lambda: (torch.cuda.synchronize(), _clock())[1]'
cores="$(nproc)"
for model in cnn tacn vqvae; do
  echo "== $model"
  "$py" -c "$sync_clock; import sys, runpy; sys.argv = ['${model}_torch.py', '--device', 'cuda', '--warmup', '5', '--steps', '20']; runpy.run_path('${model}_torch.py', run_name='__main__')" 2>/dev/null
  "$py" "${model}_torch.py" --threads "$cores" --warmup 1 --steps 3 2>/dev/null
done
if [ -n "$fop_peer" ]; then
  echo "== fop"
  "$py" -c "$sync_clock; import sys, runpy; torch.set_default_device('cuda'); sys.argv = ['fop_torch.py', '--threads', '$cores', '--warmup', '5', '--steps', '20']; runpy.run_path('$fop_peer', run_name='__main__')" | grep RESULT
  "$py" "$fop_peer" --threads "$cores" --warmup 2 --steps 5 | grep RESULT
fi
