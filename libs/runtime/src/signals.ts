import type { Logger } from '@ser/logging';

export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * Stops everything in reverse start order on SIGINT/SIGTERM, then exits 0 (1 if stopping failed).
 * A second signal while stopping exits at once, so a stuck shutdown never traps the operator.
 */
export function runUntilSignal(stoppables: Stoppable[], logger: Logger): void {
  let stopping = false;
  const onSignal = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(130);
    }
    stopping = true;
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
