/** Where TensorFlow.js can run, fastest first. `cpu` is the pure-JS reference, chosen only on request. */
export type BackendKind = 'node-gpu' | 'node' | 'wasm' | 'cpu';

export const BACKEND_KINDS: readonly BackendKind[] = ['node-gpu', 'node', 'wasm', 'cpu'];

/** Automatic selection tries these in order; `cpu` is ~90x slower than PyTorch, so never a silent pick. */
export const AUTO_ORDER: readonly BackendKind[] = ['node-gpu', 'node', 'wasm'];

/** The name each kind registers in tfjs-core (both native packages register as `tensorflow`). */
export const TF_BACKEND_NAME: Record<BackendKind, string> = {
  'node-gpu': 'tensorflow',
  node: 'tensorflow',
  wasm: 'wasm',
  cpu: 'cpu',
};

/** The environment variable that overrides automatic selection. */
export const BACKEND_ENV_VAR = 'SER_TFJS_BACKEND';

export function isBackendKind(value: string): value is BackendKind {
  return (BACKEND_KINDS as readonly string[]).includes(value);
}

/**
 * Reads the SER_TFJS_BACKEND override: unset, empty or `auto` means automatic selection (undefined);
 * anything else must name a kind, because a typo silently meaning "auto" would hide a misconfiguration.
 */
export function backendFromEnv(env: NodeJS.ProcessEnv): BackendKind | undefined {
  const raw = env[BACKEND_ENV_VAR]?.trim().toLowerCase();
  if (!raw || raw === 'auto') return undefined;
  if (!isBackendKind(raw)) {
    throw new Error(`${BACKEND_ENV_VAR}=${raw} is not a TensorFlow.js backend; use one of ${BACKEND_KINDS.join(', ')} or auto`);
  }
  return raw;
}
