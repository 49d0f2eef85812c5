import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { FeatureJob, FeatureJobResult } from './feature-worker';

// The worker is TypeScript: outside a build it runs through tsx's loader, like the rest of the service.
const WORKER_URL = new URL('./feature-worker.ts', import.meta.url);

/** A pool of feature-extraction threads (piscina: well-kept, handles crashes, queueing and transfer). */
export class FeaturePool {
  private readonly pool: Piscina;
  readonly threads: number;

  constructor(workers: number) {
    this.threads = workers > 0 ? workers : Math.max(1, availableParallelism() - 1);
    this.pool = new Piscina({
      filename: WORKER_URL.href,
      minThreads: 1,
      maxThreads: this.threads,
      idleTimeout: 30_000,
      execArgv: WORKER_URL.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [],
    });
  }

  run(job: FeatureJob): Promise<FeatureJobResult> {
    return this.pool.run(job) as Promise<FeatureJobResult>;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
