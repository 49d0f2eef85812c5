// What the run manager and a classifier run's worker thread send each other.
import type { ArtifactStoreSpec } from '@ser/artifacts';
import type { ClassifierMethodName, ConfigOf, MethodData } from '../methods';
import type { RunEvaluation } from './evaluation';

/** A run's worker data, one shape per method: `method` says which config and which data it carries. */
export type ClassifierWorkerData = {
  [M in ClassifierMethodName]: {
    method: M;
    runId: string;
    config: ConfigOf<M>;
    data: MethodData[M];
    /** The artifact store, as the worker thread opens it itself. */
    artifactStore: ArtifactStoreSpec;
  };
}[ClassifierMethodName];

/** Worker data for a config of any method, its `method` taken from the config. */
export function workerDataFor<M extends ClassifierMethodName>(
  runId: string,
  config: ConfigOf<M>,
  data: MethodData[M],
  artifactStore: ArtifactStoreSpec,
): ClassifierWorkerData {
  return { method: config.method, runId, config, data, artifactStore } as ClassifierWorkerData;
}

export type WorkerMessage =
  | { type: 'started'; backend: string }
  | { type: 'epoch'; repeat: number; fold: number; totalFolds: number; epoch: number; trainLoss: number; validationLoss: number; improved: boolean }
  | { type: 'fold'; repeat: number; fold: number; totalFolds: number; wa: number; ua: number }
  | { type: 'model'; artifactKey: string; bestEpoch: number; validationLoss: number | null }
  | { type: 'done'; evaluation: RunEvaluation | null }
  | { type: 'failed'; message: string };
