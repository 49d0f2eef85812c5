import { Worker, type WorkerOptions } from 'node:worker_threads';

const ENTRY = new URL('./ts-worker-entry.mjs', import.meta.url);

/**
 * A worker thread running `module` (a .ts file under tsx, or the built .js). A .ts module starts from a
 * JavaScript entry that loads it through tsx's API.
 */
export function createWorker(module: URL, options: WorkerOptions = {}): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module, options);
  return new Worker(ENTRY, {
    ...options,
    workerData: { ...(options.workerData as object), __tsEntry: module.href },
  });
}
