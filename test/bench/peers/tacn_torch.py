"""TACN in PyTorch, for side-by-side training-step speed with test/bench/tacn.ts: the same architecture and sizes
as libs/models/src/tacn.ts DEFAULT_TACN_MODEL_CONFIG. 8 residual blocks (Bai et al.'s TCN block, dilation 2^n),
each of two weight-normalised causal dilated convolutions (kernel 3) whose taps S_n first pass through multi-head
self-attention (Q = K = V = S_n, nn.MultiheadAttention, 8 heads; taps before the start neither attend nor add), the
convolution summing S_n + MultiHead(S_n); ReLU and dropout 0.2 after each, a 1x1 residual projection on the first
block, a linear head on the last step; softmax cross-entropy, Adadelta lr 1.0 / rho 0.95 / eps 1e-7 (the
classifier trainer's default). Same parameter count as ours.
Usage: /usr/bin/python3 tacn_torch.py [--threads 1] [--batch 128] [--segments 21] [--warmup 2] [--steps 5]
       [--config '{"channels": 64, ...}']
Prints one JSON line: {"params", "trainMedianMs", "stepsMs", "threads", ...}; progress goes to stderr."""
import math
import torch, torch.nn as nn, torch.nn.functional as F
from peer_timing import options, report, time_steps

DEFAULT_CONFIG = dict(inputUnits=256, channels=64, layers=8, kernelSize=3, numHeads=8, dropout=0.2, numClasses=4)


def causal_taps(x, taps, dilation):
    """[b, t, u] -> [b, t, taps, u]: tap j of step t is x[t - (taps-1-j) d], zeros before the start."""
    b, t, u = x.shape
    shifted = [F.pad(x[:, :t - s], (0, 0, s, 0)) if s < t else x.new_zeros(b, t, u)
               for s in ((taps - 1 - j) * dilation for j in range(taps))]
    return torch.stack(shifted, 2)


class AttentiveCausalConv(nn.Module):
    """y_t = sum_j (S_n + MultiHead(S_n))_j W_j + b, W weight-normalised (g v / ||v|| per output channel)."""

    def __init__(self, in_units, channels, taps, heads):
        super().__init__()
        self.taps = taps
        self.attention = nn.MultiheadAttention(in_units, heads, batch_first=True)
        bound = 1 / math.sqrt(in_units * taps)
        self.direction = nn.Parameter(torch.empty(channels, taps * in_units).uniform_(-bound, bound))
        self.gain = nn.Parameter(self.direction.detach().norm(dim=1))
        self.bias = nn.Parameter(torch.empty(channels).uniform_(-bound, bound))

    def forward(self, x, dilation):
        b, t, u = x.shape
        k = self.taps
        taps = causal_taps(x, k, dilation).reshape(b * t, k, u)
        offsets = torch.arange(t).unsqueeze(1) - (k - 1 - torch.arange(k)).unsqueeze(0) * dilation  # [t, k]
        before_start = (offsets < 0).repeat(b, 1)  # [b * t, k]
        attended, _ = self.attention(taps, taps, taps, key_padding_mask=before_start, need_weights=False)
        refined = taps + attended.masked_fill(before_start.unsqueeze(-1), 0)
        kernel = self.direction * (self.gain / self.direction.norm(dim=1)).unsqueeze(1)
        return F.linear(refined.reshape(b, t, k * u), kernel, self.bias)


class Block(nn.Module):
    def __init__(self, in_units, cfg):
        super().__init__()
        c, k, h = cfg['channels'], cfg['kernelSize'], cfg['numHeads']
        self.conv1 = AttentiveCausalConv(in_units, c, k, h)
        self.conv2 = AttentiveCausalConv(c, c, k, h)
        self.downsample = nn.Linear(in_units, c) if in_units != c else None
        self.dropout = nn.Dropout(cfg['dropout'])

    def forward(self, x, dilation):
        h = self.dropout(F.relu(self.conv1(x, dilation)))
        h = self.dropout(F.relu(self.conv2(h, dilation)))
        return F.relu(h + (self.downsample(x) if self.downsample is not None else x))


class Tacn(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.blocks = nn.ModuleList([Block(cfg['inputUnits'] if i == 0 else cfg['channels'], cfg) for i in range(cfg['layers'])])
        self.head = nn.Linear(cfg['channels'], cfg['numClasses'])

    def forward(self, x):  # [batch, segments, features] -> logits [batch, classes]
        for i, block in enumerate(self.blocks):
            x = block(x, 2 ** i)
        return self.head(x[:, -1])


def main():
    a = options('TACN training step in PyTorch', batch=128, segments=21)
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    cfg = {**DEFAULT_CONFIG, **a.config}
    model = Tacn(cfg)
    optimizer = torch.optim.Adadelta(model.parameters(), lr=1.0, rho=0.95, eps=1e-7)
    x = torch.randn(a.batch, a.segments, cfg['inputUnits'])
    labels = torch.randint(0, cfg['numClasses'], (a.batch,))
    times = time_steps(model, optimizer, lambda: F.cross_entropy(model(x), labels), a.warmup, a.steps, 'torch tacn')
    report(model, times, batch=a.batch, segments=a.segments, config=cfg)


if __name__ == '__main__':
    main()
