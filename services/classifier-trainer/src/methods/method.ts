// The shape of a classifier method: what the service reads for it before its worker starts (prepare), and what
// the worker thread does with that (run). What a run records when it is queued (its lineage) is @ser/runs'
// classifierLineage, since the gateway queues runs too. A method is a folder
// under methods/ and one entry in methods/index.ts; nothing else chooses by method name.
import type { ArtifactStore } from '@ser/artifacts';
import type { FeatureServiceClient } from '@ser/contracts';
import type { EvaluationItem } from '@ser/evaluation';
import type { MetadataStore } from '@ser/store';
import type { ClassifierRunConfig } from '../run/classifier-config';
import type { RunEvaluation } from '../run/evaluation';
import type { ClassifierJobEvents } from '../run/job-events';
import type { FopRunData } from './fop-prepare';
import type { SequenceRunData } from './sequence/sequence-prepare';

export type ClassifierMethodName = ClassifierRunConfig['method'];
export type ConfigOf<M extends ClassifierMethodName> = Extract<ClassifierRunConfig, { method: M }>;

/** The labelled utterances every method's worker gets; `sequences` are transferred to the worker, not copied. */
export interface WorkerDataset {
  items: EvaluationItem[];
  /** One per item, same order: log-mel frames, or spectrogram segments for sequence models. */
  sequences: Float32Array[];
  /** Sorted class names present in the dataset version. */
  classes: string[];
}

/** What each method's worker reads besides the run's id and config. */
export interface MethodData {
  'fop-fine-tune': FopRunData;
  'fop-hypercolumns': FopRunData;
  'sequence-model': SequenceRunData;
}

export interface PrepareDeps {
  store: MetadataStore;
  features: FeatureServiceClient;
  artifacts: ArtifactStore;
}

export interface MethodJob<M extends ClassifierMethodName> {
  runId: string;
  config: ConfigOf<M>;
  /** As the worker received it (structured cloning turned Buffers into Uint8Arrays). */
  data: MethodData[M];
  artifacts: ArtifactStore;
}

export interface ClassifierMethod<M extends ClassifierMethodName> {
  /** At execution, in the service: reads the features, weights and models the worker needs. */
  prepare(deps: PrepareDeps, config: ConfigOf<M>): Promise<MethodData[M]>;
  /** In the worker thread: every repeat x fold; the evaluation, or null when cancelled. */
  run(job: MethodJob<M>, events: ClassifierJobEvents): Promise<RunEvaluation | null>;
}
