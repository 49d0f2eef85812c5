"""What both training-step peers share: command-line options, and timing one step (forward, backward, optimizer
step, loss read back) with warm-up and the median over N steps, reported as one JSON line on stdout."""
import argparse, json, statistics, sys, time
import torch


def options(description, **defaults):
    p = argparse.ArgumentParser(description=description)
    p.add_argument('--threads', type=int, default=1)
    p.add_argument('--device', default='cpu', help="torch device, e.g. cuda on a GPU machine (needs torch >= 2.0)")
    p.add_argument('--warmup', type=int, default=2)
    p.add_argument('--steps', type=int, default=5)
    p.add_argument('--batch', type=int, default=defaults.pop('batch'))
    for name, value in defaults.items():
        p.add_argument(f'--{name}', type=type(value), default=value)
    p.add_argument('--config', type=json.loads, default={}, help='overrides of the model config, as JSON')
    args = p.parse_args()
    if args.device != 'cpu':
        # Every model and tensor the peers make lands there; Debian's torch 1.13 lacks this call, but runs CPU only.
        torch.set_default_device(args.device)
    return args


def time_steps(model, optimizer, loss_fn, warmup, steps, label):
    """Milliseconds per training step; loss.item() waits for the step, as the TS side awaits the loss."""
    model.train()
    times = []
    for i in range(warmup + steps):
        start = time.perf_counter()
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn()
        loss.backward()
        optimizer.step()
        value = loss.item()
        ms = (time.perf_counter() - start) * 1e3
        if i >= warmup:
            times.append(ms)
        print(f"{label} step {i}{' (warmup)' if i < warmup else ''}: {ms:.0f} ms, loss {value:.4f}", file=sys.stderr, flush=True)
    return times


def report(model, times, **extra):
    device = next(model.parameters()).device
    result = dict(backend='torch', version=torch.__version__, threads=torch.get_num_threads(), device=str(device),
                  deviceName=torch.cuda.get_device_name(device) if device.type == 'cuda' else 'cpu',
                  params=sum(p.numel() for p in model.parameters()), stepsMs=times,
                  trainMedianMs=statistics.median(times), **extra)
    print(json.dumps(result), flush=True)
