"""Attention-LSTM in PyTorch, for side-by-side training-step speed with test/bench/attention-lstm.ts: the same
architecture and sizes as libs/models/src/attention-lstm.ts. nn.LSTM (one layer, batch first) reads the frames;
additive attention e_t = v . tanh(W h_t + b), softmax over each sequence's real frames, pools its outputs; dropout
0.2 on the pooled vector, a linear head; softmax cross-entropy, Adam lr 1e-3. Same parameter count as ours.
Usage: /usr/bin/python3 attention_lstm_torch.py [--threads 1] [--batch 32] [--frames 400] [--dim 256] [--warmup 2]
       [--steps 5] [--config '{"units": 128, ...}']
Prints one JSON line: {"params", "trainMedianMs", "stepsMs", "threads", ...}; progress goes to stderr."""
import torch, torch.nn as nn, torch.nn.functional as F
from peer_timing import options, report, time_steps

DEFAULT_CONFIG = dict(units=128, attentionUnits=64, dropout=0.2, numClasses=4)


class AttentionLstm(nn.Module):
    def __init__(self, dim, cfg):
        super().__init__()
        self.lstm = nn.LSTM(dim, cfg['units'], batch_first=True)
        self.score = nn.Linear(cfg['units'], cfg['attentionUnits'])
        self.context = nn.Linear(cfg['attentionUnits'], 1, bias=False)
        self.dropout = nn.Dropout(cfg['dropout'])
        self.head = nn.Linear(cfg['units'], cfg['numClasses'])

    def forward(self, x, mask):  # x [batch, frames, dim], mask [batch, frames] True on real frames
        h, _ = self.lstm(x)
        scores = self.context(torch.tanh(self.score(h))).squeeze(-1).masked_fill(~mask, -1e9)
        pooled = (h * torch.softmax(scores, 1).unsqueeze(-1)).sum(1)
        return self.head(self.dropout(pooled))


def main():
    a = options('Attention-LSTM training step in PyTorch', batch=32, frames=400, dim=256)
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    cfg = {**DEFAULT_CONFIG, **{k: v for k, v in a.config.items() if k in DEFAULT_CONFIG}}
    model = AttentionLstm(a.dim, cfg)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randn(a.batch, a.frames, a.dim)
    labels = torch.arange(a.batch) % cfg['numClasses']
    # The lengths the TS side uses: every sequence a little shorter than the one before, cycling every 8.
    lengths = torch.tensor([a.frames - (i % 8) * (a.frames // 40) for i in range(a.batch)])
    mask = torch.arange(a.frames).unsqueeze(0) < lengths.unsqueeze(1)
    times = time_steps(model, optimizer, lambda: F.cross_entropy(model(x, mask), labels), a.warmup, a.steps, 'attention-lstm')
    report(model, times, batch=a.batch, frames=a.frames, dim=a.dim, config=cfg)


if __name__ == '__main__':
    main()
