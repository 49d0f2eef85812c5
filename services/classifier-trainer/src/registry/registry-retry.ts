// Registering a run's kept model is the last step of a run that may have trained for hours, so a model registry that
// is briefly down (a rollout, a restart) must not cost the run its model. Transient gRPC failures are retried with
// exponential backoff; the number of attempts is bounded, so a registry that stays down fails the run with a clear
// error instead of leaving it running forever. RegisterModelVersion is idempotent per run, so a retry after a lost
// answer gets the version the first attempt created.
import { GrpcStatus } from '@ser/grpc-kit';

/** Codes that say "try again later"; anything else (a refused run, a bad request) is final at once. */
const TRANSIENT_CODES: ReadonlySet<number> = new Set([GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED, GrpcStatus.RESOURCE_EXHAUSTED, GrpcStatus.ABORTED]);

export const isTransientGrpcError = (err: unknown): boolean => TRANSIENT_CODES.has((err as { code?: unknown } | null)?.code as number);

export interface RetryPolicy {
  /** Calls in all, the first included. */
  attempts: number;
  /** The wait after the first failure; each later wait doubles, up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
}

/** 8 attempts over about 45 s of waiting (0.5 + 1 + 2 + 4 + 8 + 15 + 15 s): a registry pod's restart fits. */
export const REGISTRY_RETRY: RetryPolicy = { attempts: 8, firstDelayMs: 500, maxDelayMs: 15_000 };

export interface RetryHooks {
  /** Told before each wait, e.g. to show the run is waiting for the registry. */
  onRetry?: (attempt: number, delayMs: number, err: Error) => void;
  /** How to wait; specs pass one that does not. */
  sleep?: (ms: number) => Promise<void>;
}

/** The delay after the attempt-th failure (1-based). */
export const retryDelayMs = (policy: RetryPolicy, attempt: number): number => Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));

/**
 * Calls `call` until it succeeds, a failure is not transient (rethrown as it is), or the policy's attempts are spent
 * (then an Error naming `what`, the attempts and the last failure, with that failure as its cause).
 */
export async function withRegistryRetry<T>(what: string, call: () => Promise<T>, policy: RetryPolicy = REGISTRY_RETRY, hooks: RetryHooks = {}): Promise<T> {
  const sleep = hooks.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!isTransientGrpcError(err)) throw err;
      if (attempt >= policy.attempts) {
        throw new Error(`${what}: the model registry was unreachable after ${attempt} attempts (last: ${(err as Error).message})`, { cause: err });
      }
      const delayMs = retryDelayMs(policy, attempt);
      hooks.onRetry?.(attempt, delayMs, err as Error);
      await sleep(delayMs);
    }
  }
}
