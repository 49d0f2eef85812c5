import type { Logger } from '@ser/logging';

export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * A signal this soon after the first is the same Ctrl-C delivered again, not a request to hurry: the
 * terminal signals the whole foreground process group, and npm and tsx each forward it to their child
 * (within milliseconds, but a busy event loop may handle it later). A person pressing Ctrl-C again
 * because the stop seems stuck does so seconds later.
 */
export const DUPLICATE_SIGNAL_WINDOW_MS = 2000;

/**
 * Stops everything in reverse start order on SIGINT/SIGTERM, then exits 0 (1 if stopping failed).
 * A second signal while stopping exits at once, so a stuck shutdown never traps the operator; one
 * within DUPLICATE_SIGNAL_WINDOW_MS of the first is taken as its duplicate and changes nothing.
 */
export function runUntilSignal(stoppables: Stoppable[], logger: Logger, opts: { duplicateWindowMs?: number } = {}): void {
  const duplicateWindowMs = opts.duplicateWindowMs ?? DUPLICATE_SIGNAL_WINDOW_MS;
  let firstAt: number | undefined; // performance.now() of the first signal: monotonic
  const onSignal = async (signal: NodeJS.Signals) => {
    if (firstAt !== undefined) {
      const afterMs = Math.round(performance.now() - firstAt);
      if (afterMs < duplicateWindowMs) {
        logger.info({ signal, afterMs }, 'same signal again (forwarded by npm or tsx): still stopping gracefully; send it again to exit without waiting');
        return;
      }
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(130);
    }
    firstAt = performance.now();
    logger.info({ signal }, 'stopping');
    let failed = false;
    for (const s of [...stoppables].reverse()) {
      await s.stop().catch((err: Error) => {
        failed = true;
        logger.error({ err }, 'stop failed');
      });
    }
    logger.info('stopped');
    process.exit(failed ? 1 : 0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
