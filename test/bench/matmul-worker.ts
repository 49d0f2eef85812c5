// One backend's matMul timing, run in its own process by matmul.ts so backends never share an engine.
// Usage: tsx test/bench/matmul-worker.ts <backend> <size> <runs> <warmup> <maxSeconds>
// Prints one JSON line: { backend, tfBackend, samplesMs } or exits 1 with the reason on stderr.
import { initTfjs, isBackendKind } from '@ser/tfjs-backend';
import { createLogger } from '@ser/logging';

const [kind = '', size = '1024', runs = '20', warmup = '3', maxSeconds = '60'] = process.argv.slice(2);
if (!isBackendKind(kind)) throw new Error(`unknown backend ${kind}`);
const n = Number(size);

const { tf, backend } = await initTfjs({ prefer: kind, logger: createLogger('matmul-bench', { level: 'warn' }) });
const a = tf.randomNormal([n, n], 0, 1, 'float32', 1);
const b = tf.randomNormal([n, n], 0, 1, 'float32', 2);

/** One timed product: dataSync makes the time include finishing the work and reading the result back. */
function once(): number {
  const start = process.hrtime.bigint();
  const c = tf.matMul(a, b);
  c.dataSync();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  c.dispose();
  return ms;
}

// The pure-JS cpu backend needs seconds per product: past the deadline stop early, keeping 1 warmup
// and 3 samples, so a full benchmark stays within minutes.
const deadline = Date.now() + Number(maxSeconds) * 1000;
for (let i = 0; i < Number(warmup) && (i < 1 || Date.now() < deadline); i++) once();
const samplesMs: number[] = [];
while (samplesMs.length < Number(runs) && (samplesMs.length < 3 || Date.now() < deadline)) samplesMs.push(once());

process.stdout.write(`${JSON.stringify({ backend: kind, tfBackend: backend, samplesMs })}\n`);
