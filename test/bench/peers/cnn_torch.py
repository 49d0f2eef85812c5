"""The TACN runs' deep-representation CNN in PyTorch, for side-by-side training-step speed with test/bench/cnn.ts:
three 'same' convolutions (time x frequency kernels) each with ReLU and 2x2 max-pooling (ceil mode, as TensorFlow's
'same' pooling), dropout, a fully connected layer with ReLU to the representation, a linear class head; softmax
cross-entropy, Adadelta lr 1.0 rho 0.95 eps 1e-7 (tfjs/Keras defaults, the classifier trainer's).
Usage: /usr/bin/python3 cnn_torch.py [--threads 1] [--batch 512] [--warmup 2] [--steps 5] [--config '{...}']
Prints one JSON line: {"params", "trainMedianMs", "stepsMs", "threads", ...}; progress goes to stderr."""
import math
import torch, torch.nn as nn, torch.nn.functional as F
from peer_timing import options, report, time_steps

DEFAULT_CONFIG = dict(frames=32, bins=129, filters=[16, 24, 32], kernels=[[12, 16], [8, 12], [5, 7]], representationUnits=128, dropout=0.3, classes=4)


class Cnn(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        channels = [1] + cfg['filters']
        self.convs = nn.ModuleList([nn.Conv2d(channels[i], channels[i + 1], tuple(k), padding='same') for i, k in enumerate(cfg['kernels'])])
        t, f = cfg['frames'], cfg['bins']
        for _ in self.convs:
            t, f = math.ceil(t / 2), math.ceil(f / 2)
        self.dropout = nn.Dropout(cfg['dropout'])
        self.representation = nn.Linear(t * f * cfg['filters'][-1], cfg['representationUnits'])
        self.head = nn.Linear(cfg['representationUnits'], cfg['classes'])

    def forward(self, x):  # x: [batch, frames, bins]
        h = x.unsqueeze(1)
        for conv in self.convs:
            h = F.max_pool2d(F.relu(conv(h)), 2, ceil_mode=True)
        h = F.relu(self.representation(self.dropout(h.flatten(1))))
        return self.head(h)


def main():
    a = options('CNN training step in PyTorch', batch=512)
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    cfg = {**DEFAULT_CONFIG, **a.config}
    model = Cnn(cfg)
    optimizer = torch.optim.Adadelta(model.parameters(), lr=1.0, rho=0.95, eps=1e-7)
    x = torch.randn(a.batch, cfg['frames'], cfg['bins'])
    y = torch.arange(a.batch) % cfg['classes']
    times = time_steps(model, optimizer, lambda: F.cross_entropy(model(x), y), a.warmup, a.steps, 'torch cnn')
    report(model, times, batch=a.batch, config=cfg)


if __name__ == '__main__':
    main()
