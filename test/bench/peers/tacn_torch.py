"""TACN in PyTorch, for side-by-side training-step speed with test/bench/tacn.ts: the same architecture and sizes
as libs/models/src/tacn.ts DEFAULT_TACN_MODEL_CONFIG (8 layers of attentive causal dilated convolutions, kernel 3,
dilation 2^n, 8 heads over 64 channels, residual 1x1 projection on the first layer, dropout 0.2, linear head on the
last step), softmax cross-entropy, Adadelta lr 1.0 / rho 0.95 / eps 1e-7 (the classifier trainer's default).
Usage: /usr/bin/python3 tacn_torch.py [--threads 1] [--batch 128] [--segments 21] [--warmup 2] [--steps 5]
       [--config '{"channels": 64, ...}']
Prints one JSON line: {"params", "trainMedianMs", "stepsMs", "threads", ...}; progress goes to stderr."""
import math
import torch, torch.nn as nn, torch.nn.functional as F
from peer_timing import options, report, time_steps

DEFAULT_CONFIG = dict(inputUnits=256, channels=64, layers=8, kernelSize=3, numHeads=8, dropout=0.2, numClasses=4)


class AttentiveCausalConv(nn.Module):
    """The k dilated taps v_j = x_{t-(k-1-j)d} W_j, weighed per head by softmax_j(q_t . v_j / sqrt(d_h)), summed."""

    def __init__(self, in_units, channels, taps, heads):
        super().__init__()
        self.taps, self.channels, self.heads = taps, channels, heads
        self.values = nn.Linear(in_units, taps * channels, bias=False)
        self.bias = nn.Parameter(torch.empty(channels).uniform_(-1 / math.sqrt(in_units * taps), 1 / math.sqrt(in_units * taps)))
        self.query = nn.Linear(in_units, channels)

    def forward(self, x, dilation):
        b, t, _ = x.shape
        k, c, h = self.taps, self.channels, self.heads
        projected = self.values(x).view(b, t, k, c)
        # Tap j looks s = (k-1-j)d steps back: its output shifted s later, zeros before (all zeros once s >= t).
        shifted = [F.pad(projected[:, :t - s, j], (0, 0, s, 0)) if s < t else projected.new_zeros(b, t, c)
                   for j, s in ((j, (k - 1 - j) * dilation) for j in range(k))]
        values = torch.stack(shifted, 2).view(b, t, k, h, c // h)
        query = self.query(x).view(b, t, 1, h, c // h)
        weights = torch.softmax((values * query).sum(-1) / math.sqrt(c // h), dim=2)  # [b, t, taps, heads]
        return (values * weights.unsqueeze(-1)).sum(2).reshape(b, t, c) + self.bias


class TacnLayer(nn.Module):
    def __init__(self, in_units, cfg):
        super().__init__()
        self.conv = AttentiveCausalConv(in_units, cfg['channels'], cfg['kernelSize'], cfg['numHeads'])
        self.residual = nn.Linear(in_units, cfg['channels']) if in_units != cfg['channels'] else None
        self.dropout = nn.Dropout(cfg['dropout'])

    def forward(self, x, dilation):
        h = self.dropout(F.relu(self.conv(x, dilation)))
        return F.relu(h + (self.residual(x) if self.residual is not None else x))


class Tacn(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.layers = nn.ModuleList([TacnLayer(cfg['inputUnits'] if i == 0 else cfg['channels'], cfg) for i in range(cfg['layers'])])
        self.head = nn.Linear(cfg['channels'], cfg['numClasses'])

    def forward(self, x):  # [batch, segments, features] -> logits [batch, classes]
        for i, layer in enumerate(self.layers):
            x = layer(x, 2 ** i)
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
