import type { BackendKind } from './kinds';

/** Why a backend could not be used: absent package, a load that threw, or a backend that did not take. */
export type UnavailableReason = 'not-installed' | 'load-failed' | 'not-active';

/** A backend that cannot run here; the message says which one and why, so operators can act on it. */
export class BackendUnavailableError extends Error {
  override readonly name = 'BackendUnavailableError';

  constructor(
    readonly kind: BackendKind,
    readonly reason: UnavailableReason,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`TensorFlow.js backend '${kind}' is unavailable (${reason}): ${detail}`, options);
  }
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
