"""VQ-VAE in PyTorch, for side-by-side training-step speed with test/bench/vqvae.ts: the same architecture and sizes
as libs/models/src/vqvae.ts DEFAULT_VQVAE_CONFIG on 32x129 segments (129 bins as channels): two stride-2 kernel-3
convolutions 129->128->128 with ReLU, a 1x1 projection to 64-d, nearest of 512 codes with the straight-through
gradient, decoder kernel-3 64->128 (ReLU), then per 2x nearest upsampling a kernel-3 convolution 128->128 (ReLU)
and 128->129; loss MSE + codebook + 0.25 x commitment; Adam lr 2e-4 (the VQ-VAE pre-trainer's default).
The encoder is PyTorch's strided Conv1d (what one would write here); libs/models computes every step and keeps
every second, which is the same output.
Usage: /usr/bin/python3 vqvae_torch.py [--threads 1] [--batch 128] [--warmup 2] [--steps 5] [--config '{...}']
Prints one JSON line: {"params", "trainMedianMs", "stepsMs", "threads", ...}; progress goes to stderr."""
import torch, torch.nn as nn, torch.nn.functional as F
from peer_timing import options, report, time_steps

DEFAULT_CONFIG = dict(frames=32, bins=129, hiddenChannels=128, embeddingDim=64, codebookSize=512, downsamplings=2, beta=0.25)


class Vqvae(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        hidden, n = cfg['hiddenChannels'], cfg['downsamplings']
        self.encoder = nn.ModuleList([nn.Conv1d(cfg['bins'] if i == 0 else hidden, hidden, 3, stride=2, padding=1) for i in range(n)])
        self.project = nn.Conv1d(hidden, cfg['embeddingDim'], 1)
        self.decoder_in = nn.Conv1d(cfg['embeddingDim'], hidden, 3, padding=1)
        self.decoder = nn.ModuleList([nn.Conv1d(hidden, cfg['bins'] if i == n - 1 else hidden, 3, padding=1) for i in range(n)])
        k = cfg['codebookSize']
        self.codebook = nn.Parameter(torch.empty(k, cfg['embeddingDim']).uniform_(-1 / k, 1 / k))
        self.beta = cfg['beta']

    def loss(self, x):  # x: [batch, frames, bins]
        h = x.transpose(1, 2)  # [batch, bins, frames]: bins are the channels
        for conv in self.encoder:
            h = F.relu(conv(h))
        encoded = self.project(h).transpose(1, 2)  # [batch, latentSteps, dim]
        flat = encoded.reshape(-1, encoded.shape[-1])
        with torch.no_grad():
            indices = (self.codebook.pow(2).sum(1) - 2 * flat @ self.codebook.t()).argmin(1)
        codes = self.codebook[indices]
        quantised = flat + (codes - flat).detach()  # straight through
        d = F.relu(self.decoder_in(quantised.view_as(encoded).transpose(1, 2)))
        for i, conv in enumerate(self.decoder):
            d = conv(F.interpolate(d, scale_factor=2, mode='nearest'))
            if i < len(self.decoder) - 1:
                d = F.relu(d)
        reconstruction = F.mse_loss(d.transpose(1, 2), x)
        codebook = F.mse_loss(codes, flat.detach())
        commitment = F.mse_loss(flat, codes.detach())
        return reconstruction + codebook + self.beta * commitment


def main():
    a = options('VQ-VAE training step in PyTorch', batch=128)
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    cfg = {**DEFAULT_CONFIG, **a.config}
    model = Vqvae(cfg)
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-4)
    x = torch.randn(a.batch, cfg['frames'], cfg['bins'])
    times = time_steps(model, optimizer, lambda: model.loss(x), a.warmup, a.steps, 'torch vqvae')
    report(model, times, batch=a.batch, config=cfg)


if __name__ == '__main__':
    main()
