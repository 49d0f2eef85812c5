// The inference bench's Python peer as a process: fop_classifier_serve.py (PyTorch behind Starlette + uvicorn) on
// a free local port, serving the kept model folder the platform serves, until stop().
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = resolve(dirname(fileURLToPath(import.meta.url)), 'fop_classifier_serve.py');
const PYTHON = '/usr/bin/python3'; // Debian's python3-torch lives there
const START_TIMEOUT_MS = 180_000; // importing torch and torchaudio takes a while on a busy machine

export interface TorchServingPeer {
  url: string;
  threads: number;
  /** The clip's class probabilities, classes in model.json order. */
  predict(wav: Buffer): Promise<number[]>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** Starts the peer on `modelDir` (a kept fop-classifier's folder) with `threads` torch threads; resolves once it answers /health. */
export async function startTorchServingPeer(modelDir: string, threads: number): Promise<TorchServingPeer> {
  const port = await freePort();
  const child = spawn(PYTHON, [SCRIPT, modelDir, '--port', String(port), '--threads', String(threads)], { stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${PYTHON} ${SCRIPT} exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the torch serving peer did not answer within ${START_TIMEOUT_MS / 1000} s: ${stderr}`);
    }
    const healthy = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    threads,
    async predict(wav) {
      const res = await fetch(`${url}/predict`, { method: 'POST', body: wav, headers: { 'content-type': 'audio/wav' } });
      if (!res.ok) throw new Error(`torch peer predict: HTTP ${res.status} ${await res.text()}`);
      return ((await res.json()) as { probabilities: number[] }).probabilities;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
