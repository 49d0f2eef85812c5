import * as tf from '@tensorflow/tfjs';
import { createLogger, type Logger } from '@ser/logging';
import { DEFAULT_CANDIDATES, type BackendCandidate } from './candidates';
import { customOpsState } from './custom-ops';
import { BackendUnavailableError, messageOf } from './errors';
import { AUTO_ORDER, BACKEND_ENV_VAR, backendFromEnv, type BackendKind } from './kinds';

export type Tfjs = typeof tf;

export interface InitTfjsOptions {
  /** Use exactly this backend (fails if it cannot load). Wins over SER_TFJS_BACKEND. */
  prefer?: BackendKind;
  logger?: Logger;
  /** Where SER_TFJS_BACKEND is read from; process.env when absent. */
  env?: NodeJS.ProcessEnv;
  /** How each kind is brought up; the real loaders when absent (tests substitute failing ones). */
  candidates?: Partial<Record<BackendKind, BackendCandidate>>;
}

export interface TfjsRuntime {
  tf: Tfjs;
  /** The tfjs backend name, as `tf.getBackend()` reports it (`tensorflow`, `wasm`, `cpu`). */
  backend: string;
  kind: BackendKind;
}

let announced: string | undefined;
// Backend switching is global engine state: concurrent initTfjs calls must not interleave.
let pending: Promise<unknown> = Promise.resolve();

/**
 * Chooses and activates the TensorFlow.js backend: `prefer`, else SER_TFJS_BACKEND, else the first of
 * node-gpu > node > wasm that loads. An explicitly requested backend that cannot load is an error,
 * never a fallback; in automatic mode each failure is logged with its reason and the next is tried.
 */
export function initTfjs(opts: InitTfjsOptions = {}): Promise<TfjsRuntime> {
  const run = pending.then(() => select(opts));
  pending = run.catch(() => undefined);
  return run;
}

async function select(opts: InitTfjsOptions): Promise<TfjsRuntime> {
  const logger = opts.logger ?? createLogger('tfjs-backend');
  const candidates = { ...DEFAULT_CANDIDATES, ...opts.candidates };
  const requested = opts.prefer ?? backendFromEnv(opts.env ?? process.env);

  if (requested) {
    const source = opts.prefer ? 'prefer option' : `${BACKEND_ENV_VAR}=${requested}`;
    try {
      const runtime = await activate(candidates[requested]);
      announce(logger, runtime, source);
      return runtime;
    } catch (err) {
      if (err instanceof Error) err.message += ` (requested by ${source}; no fallback for an explicit choice)`;
      throw err;
    }
  }

  const failures: string[] = [];
  for (const kind of AUTO_ORDER) {
    try {
      const runtime = await activate(candidates[kind]);
      announce(logger, runtime, 'automatic');
      return runtime;
    } catch (err) {
      const reason = messageOf(err);
      failures.push(reason);
      // An absent optional package is the normal state of a CPU machine; anything else needs a look.
      const notInstalled = err instanceof BackendUnavailableError && err.reason === 'not-installed';
      logger[notInstalled ? 'info' : 'warn']({ backend: kind, reason }, 'tfjs backend unavailable, trying the next');
    }
  }
  throw new Error(`no TensorFlow.js backend could be activated:\n- ${failures.join('\n- ')}`);
}

async function activate(candidate: BackendCandidate): Promise<TfjsRuntime> {
  const { kind, backendName } = candidate;
  try {
    await candidate.register(tf);
  } catch (err) {
    if (err instanceof BackendUnavailableError) throw err;
    throw new BackendUnavailableError(kind, 'load-failed', messageOf(err), { cause: err });
  }
  // setBackend resolves false (after a console warning) when the backend's init fails, and tf.ready()
  // would then quietly settle on another backend: the result must be checked, not trusted.
  const switched = await tf.setBackend(backendName);
  await tf.ready();
  const active = tf.getBackend();
  if (!switched || active !== backendName) {
    throw new BackendUnavailableError(
      kind,
      'not-active',
      `tf.setBackend('${backendName}') ${switched ? 'succeeded' : 'failed'} but the active backend is '${active}'`,
    );
  }
  candidate.verify?.(tf);
  return { tf, backend: active, kind };
}

function announce(logger: Logger, runtime: TfjsRuntime, source: string): void {
  const key = `${runtime.kind}/${runtime.backend}`;
  if (announced === key) return;
  announced = key;
  const custom = customOpsState();
  const customKernels = runtime.backend !== 'tensorflow' ? undefined : custom.loaded ? 'loaded' : custom.reason;
  logger.info({ backend: runtime.backend, kind: runtime.kind, source, ...(customKernels && { customKernels }) }, 'tfjs backend selected');
}
