import { createLogger } from '@ser/logging';
import { describe, expect, it } from 'vitest';
import type { BackendCandidate } from './candidates';
import { BackendUnavailableError } from './errors';
import { initTfjs } from './init-tfjs';
import { AUTO_ORDER } from './kinds';

/** A logger whose JSON lines land in an array, to check what selection reported. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('tfjs-backend-test', {
    level: 'debug',
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return { logger, lines };
}

const missing = (kind: BackendCandidate['kind']): BackendCandidate => ({
  kind,
  backendName: 'never-registered',
  register: async () => {
    throw new BackendUnavailableError(kind, 'not-installed', 'fake package absent');
  },
});

describe('initTfjs', () => {
  it('selects automatically a backend that is really active, never cpu', async () => {
    const { tf, backend, kind } = await initTfjs({ env: {} });
    expect(tf.getBackend()).toBe(backend);
    expect(AUTO_ORDER).toContain(kind);
    expect(tf.matMul(tf.ones([2, 2]), tf.ones([2, 2])).dataSync()).toEqual(new Float32Array([2, 2, 2, 2]));
  });

  it('falls through to wasm when the native packages are missing, logging each reason', async () => {
    const { logger, lines } = capturingLogger();
    const runtime = await initTfjs({ env: {}, logger, candidates: { 'node-gpu': missing('node-gpu'), node: missing('node') } });
    expect(runtime).toMatchObject({ kind: 'wasm', backend: 'wasm' });
    expect(runtime.tf.getBackend()).toBe('wasm');
    const skipped = lines.filter((l) => l.msg === 'tfjs backend unavailable, trying the next');
    expect(skipped.map((l) => l.backend)).toEqual(['node-gpu', 'node']);
    expect(String(skipped[0]?.reason)).toMatch(/fake package absent/);
  });

  it('honours SER_TFJS_BACKEND, and lets an explicit prefer win over it', async () => {
    expect((await initTfjs({ env: { SER_TFJS_BACKEND: 'cpu' } })).backend).toBe('cpu');
    const runtime = await initTfjs({ env: { SER_TFJS_BACKEND: 'cpu' }, prefer: 'wasm' });
    expect(runtime.backend).toBe('wasm');
    expect(runtime.tf.getBackend()).toBe('wasm');
  });

  it('fails, naming the package, when an explicitly requested backend cannot load (no GPU here)', async () => {
    const attempt = initTfjs({ env: { SER_TFJS_BACKEND: 'node-gpu' } });
    await expect(attempt).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(attempt).rejects.toThrow(/'node-gpu' is unavailable.*SER_TFJS_BACKEND=node-gpu; no fallback/s);
  });

  it('does not fall back when an explicit backend is missing, even if others would load', async () => {
    const before = (await initTfjs({ prefer: 'cpu' })).backend;
    await expect(initTfjs({ env: { SER_TFJS_BACKEND: 'node' }, candidates: { node: missing('node') } })).rejects.toThrow(
      /'node' is unavailable \(not-installed\): fake package absent/,
    );
    expect(before).toBe('cpu');
  });

  it('catches a backend whose initialisation fails instead of running on whatever tfjs picked', async () => {
    const broken: BackendCandidate = {
      kind: 'wasm',
      backendName: 'broken-wasm',
      register: async (tf) => {
        tf.registerBackend('broken-wasm', () => {
          throw new Error('simulated wasm instantiation failure');
        });
      },
    };
    await expect(initTfjs({ prefer: 'wasm', candidates: { wasm: broken } })).rejects.toThrow(
      /'wasm' is unavailable \(not-active\): tf.setBackend\('broken-wasm'\) failed/,
    );
  });

  it('reports an error listing every reason when no automatic candidate loads', async () => {
    const { logger } = capturingLogger();
    const candidates = { 'node-gpu': missing('node-gpu'), node: missing('node'), wasm: missing('wasm') };
    await expect(initTfjs({ env: {}, logger, candidates })).rejects.toThrow(/no TensorFlow.js backend.*node-gpu.*node.*wasm/s);
  });

  it('logs the chosen backend once per change, not on every call', async () => {
    const { logger, lines } = capturingLogger();
    await initTfjs({ prefer: 'cpu', logger });
    lines.length = 0; // what came before depends on earlier tests
    for (const prefer of ['wasm', 'wasm', 'cpu', 'cpu'] as const) await initTfjs({ prefer, logger });
    const chosen = lines.filter((l) => l.msg === 'tfjs backend selected').map((l) => l.backend);
    expect(chosen).toEqual(['wasm', 'cpu']);
  });
});
