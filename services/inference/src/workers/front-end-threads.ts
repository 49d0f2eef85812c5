import type { Logger } from '@ser/logging';
import { defaultFrontEndWorkers, FrontEndPool, inProcessFrontEnd, type ClipFrontEnd } from './front-end-pool';

/**
 * Starts `configured` front-end threads (unset: defaultFrontEndWorkers()), up before the service answers; for 0,
 * decoding and features stay on the event loop. close() stops the threads.
 */
export async function startFrontEndThreads(configured: number | undefined, logger: Logger): Promise<ClipFrontEnd & { close(): Promise<void> }> {
  const size = configured ?? defaultFrontEndWorkers();
  if (size === 0) return { ...inProcessFrontEnd, close: async () => undefined };
  const pool = new FrontEndPool(size, logger);
  try {
    await pool.ready();
  } catch (err) {
    await pool.close();
    throw err;
  }
  logger.info({ workers: size }, 'clip decoding and features run in worker threads');
  return pool;
}
