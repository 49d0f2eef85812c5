"""The inference bench's Python peer: the same kept fop-classifier the platform serves, in PyTorch, behind an HTTP
endpoint as a Python team would put it (Starlette on uvicorn, from PyPI; the forward pass in Starlette's thread
pool so the event loop keeps accepting). Built from the kept model's own files (model.json and its safetensors
weights), so it is the same model; the front end is the project's canonical log-mel
(../shared/peers/mel_reference.py: torchaudio, n_fft 512, win 400, hop 160, 80 HTK mels, log(mel + 1e-6)).

    /usr/bin/python3 fop_classifier_serve.py MODEL_DIR --port N [--threads 1]

POST /predict with a 16-bit PCM WAV body answers {"label": ..., "probabilities": [...]} (classes in model.json
order); GET /health answers "ok" once the model is loaded. Needs Debian's python3-torch and python3-torchaudio,
and starlette, uvicorn and safetensors from PyPI (scripts/ensure-prereqs.sh installs them).
"""
import argparse
import io
import json
import math
import pathlib
import wave

import numpy as np
import torch
import torch.nn as nn
import torchaudio
import uvicorn
from safetensors.torch import load_file
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

SR = 16000
MEL = torchaudio.transforms.MelSpectrogram(sample_rate=SR, n_fft=512, win_length=400, hop_length=160, f_min=0.0,
                                           f_max=8000.0, n_mels=80, window_fn=torch.hann_window, power=2.0,
                                           center=True, pad_mode='reflect', norm=None, mel_scale='htk')


def sinusoidal_positions(frames, d_model):
    """PE[t, 2i] = sin(t w_i), PE[t, 2i+1] = cos(t w_i), in double then float32, as @ser/models computes it."""
    t = torch.arange(frames, dtype=torch.float64).unsqueeze(1)
    rates = torch.exp(torch.arange(0, d_model, 2, dtype=torch.float64) * (-math.log(10000.0) / d_model))
    pe = torch.zeros(frames, d_model, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(t * rates)
    pe[:, 1::2] = torch.cos(t * rates)
    return pe.float()


class FopClassifier(nn.Module):
    """FOP's input projection and post-LN causal encoder layers, the mean over frames, a softmax head (no dropout)."""

    def __init__(self, cfg, n_classes):
        super().__init__()
        d = cfg['dModel']
        self.inp = nn.Linear(cfg['nMels'], d)
        self.layers = nn.ModuleList([nn.TransformerEncoderLayer(d, cfg['numHeads'], cfg['ffnUnits'], dropout=0.0,
                                                                activation='relu', layer_norm_eps=1e-5,
                                                                batch_first=True, norm_first=False)
                                     for _ in range(cfg['numLayers'])])
        self.head = nn.Linear(d, n_classes)
        self.positions = {}

    def forward(self, x):  # [batch, frames, nMels] -> [batch, classes]
        frames = x.shape[1]
        if frames not in self.positions:
            self.positions[frames] = sinusoidal_positions(frames, self.inp.out_features)
        mask = torch.triu(torch.full((frames, frames), float('-inf')), diagonal=1)  # causal
        h = self.inp(x) + self.positions[frames]
        for layer in self.layers:
            h = layer(h, src_mask=mask)
        return torch.softmax(self.head(h.mean(1)), dim=-1)

    def load_kept(self, w):
        """The platform's tensors (dense kernels [in, out]) into PyTorch's (weights [out, in])."""
        linear = lambda m, name: (m.weight.copy_(w[f'{name}.kernel'].T), m.bias.copy_(w[f'{name}.bias']))
        norm = lambda m, name: (m.weight.copy_(w[f'{name}.gamma']), m.bias.copy_(w[f'{name}.beta']))
        with torch.no_grad():
            linear(self.inp, 'input')
            for i, layer in enumerate(self.layers):
                attn = layer.self_attn  # fused q, k, v: the same column order as ours
                attn.in_proj_weight.copy_(w[f'layer{i}.attn.qkv.kernel'].T)
                attn.in_proj_bias.copy_(w[f'layer{i}.attn.qkv.bias'])
                linear(attn.out_proj, f'layer{i}.attn.out')
                linear(layer.linear1, f'layer{i}.ffn.in')
                linear(layer.linear2, f'layer{i}.ffn.out')
                norm(layer.norm1, f'layer{i}.norm1')
                norm(layer.norm2, f'layer{i}.norm2')
            linear(self.head, 'head')


def load_model(model_dir):
    kept = json.loads((model_dir / 'model.json').read_text())
    if kept['kind'] != 'fop-classifier':
        raise SystemExit(f"only fop-classifier models are served here, not {kept['kind']}")
    model = FopClassifier(kept['fop'], len(kept['classes']))
    model.load_kept(load_file(str(model_dir / kept['weights']['file'])))
    return model.eval(), kept['classes']


def samples_of(wav_bytes):
    """16 kHz mono samples in [-1, 1] of a 16-bit PCM WAV (k / 32768, as torchaudio and the platform read it)."""
    with wave.open(io.BytesIO(wav_bytes)) as w:
        if w.getsampwidth() != 2:
            raise ValueError('16-bit PCM WAV only')
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype='<i2').reshape(-1, w.getnchannels())
        rate = w.getframerate()
    x = torch.from_numpy(pcm.astype(np.float32) / 32768.0).mean(1)
    return x if rate == SR else torchaudio.functional.resample(x, rate, SR, lowpass_filter_width=6, rolloff=0.99)


def main():
    p = argparse.ArgumentParser()
    p.add_argument('model_dir', type=pathlib.Path)
    p.add_argument('--port', type=int, required=True)
    p.add_argument('--threads', type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    model, classes = load_model(a.model_dir)

    def predict(wav_bytes):
        with torch.inference_mode():
            features = torch.log(MEL(samples_of(wav_bytes)) + 1e-6).T.unsqueeze(0)  # [1, frames, 80]
            probabilities = model(features)[0].tolist()
        return {'label': classes[int(np.argmax(probabilities))], 'probabilities': probabilities}

    async def predict_route(request: Request):
        return JSONResponse(await run_in_threadpool(predict, await request.body()))

    async def health(_):
        return PlainTextResponse('ok')

    app = Starlette(routes=[Route('/predict', predict_route, methods=['POST']), Route('/health', health)])
    uvicorn.run(app, host='127.0.0.1', port=a.port, log_level='warning', access_log=False)


if __name__ == '__main__':
    main()
