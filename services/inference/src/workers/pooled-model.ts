import { randomUUID } from 'node:crypto';
import type { ArtifactStore } from '@ser/artifacts';
import type { Logger } from '@ser/logging';
import type { BackendKind } from '@ser/tfjs-backend';
import type { ModelHostOptions } from '../models/model-host';
import { loadServableModel, type ServableModel } from '../models/model-kinds';
import { defaultForwardWorkers, ForwardPool } from './forward-pool';
import { recordReads } from './recorded-artifacts';

/**
 * A model served by the pool's worker threads. It is loaded here first, through the same loaders, for what the
 * event loop needs (labels, kind, the front end) and to check that it loads at all; the files that load read are
 * handed to every worker, which builds the same model from them. The weights loaded here are freed at once: only
 * the workers compute.
 */
export async function loadPooledModel(pool: ForwardPool, artifacts: ArtifactStore, artifactKey: string): Promise<ServableModel> {
  const recorded = recordReads(artifacts);
  const here = await loadServableModel(recorded.store, artifactKey);
  const { kind, labels, featureKind, frontEnd, featurize } = here; // every kind's front end is a closure over its settings, not over the weights
  here.dispose();
  const modelId = `${artifactKey}#${randomUUID()}`;
  await pool.load(modelId, artifactKey, recorded.files);
  return {
    kind,
    labels,
    featureKind,
    frontEnd,
    featurize,
    predict: (inputs) => pool.predict(modelId, [...inputs]),
    dispose: () => pool.unload(modelId),
  };
}

/** The service's forward-pass threads and what the model host needs to use them. */
export interface ForwardThreads {
  pool: ForwardPool;
  hostOptions: Required<Pick<ModelHostOptions, 'loadModel' | 'maxConcurrentBatches'>>;
}

/**
 * Starts `configured` forward-pass threads (unset: defaultForwardWorkers()) on the service's backend, ready
 * before the service answers; undefined for 0, where passes run in the service's own thread.
 */
export async function startForwardThreads(configured: number | undefined, backend: BackendKind, logger: Logger): Promise<ForwardThreads | undefined> {
  const size = configured ?? defaultForwardWorkers();
  if (size === 0) return undefined;
  const pool = new ForwardPool({ size, backend, logger });
  try {
    await pool.ready();
  } catch (err) {
    await pool.close();
    throw err;
  }
  logger.info({ workers: size, backend }, 'forward passes run in worker threads');
  // One batch per thread in flight: each thread computes its own while the event loop forms the next.
  return { pool, hostOptions: { loadModel: (artifacts, key) => loadPooledModel(pool, artifacts, key), maxConcurrentBatches: size } };
}
