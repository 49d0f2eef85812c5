# PyTorch reference for test/bench/matmul.ts: same size, warmup and run count, 2 threads.
# Usage: python3 matmul-torch.py <size> <runs> <warmup>; prints one JSON line.
import json, sys, time
import torch

size, runs, warmup = (int(v) for v in sys.argv[1:4])
torch.set_num_threads(2)
gen = torch.Generator().manual_seed(0)
a = torch.randn(size, size, dtype=torch.float32, generator=gen)
b = torch.randn(size, size, dtype=torch.float32, generator=gen)
for _ in range(warmup):
    torch.mm(a, b)
samples = []
for _ in range(runs):
    start = time.perf_counter()
    torch.mm(a, b)
    samples.append((time.perf_counter() - start) * 1000)
print(json.dumps({"backend": "pytorch", "version": torch.__version__, "threads": torch.get_num_threads(), "samplesMs": samples}))
