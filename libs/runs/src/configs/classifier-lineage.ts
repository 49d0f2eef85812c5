// What a classifier run came from, resolved when it is queued (by its trainer or by the gateway while no trainer
// runs): the pre-training checkpoint its config names, checked, and the pre-training run behind it. Here, in the
// library, so every place that queues a run refuses the same configs.
import { DomainError, invalidArgument, notFound } from '@ser/grpc-kit';
import { DEFAULT_FOP_CONFIG, type FopConfig } from '@ser/models';
import type { ReadOnlyStore } from '@ser/store';
import { FOP_ARCHITECTURE_KEYS, type ClassifierRunConfig } from './classifier-config';

type ConfigOf<M extends ClassifierRunConfig['method']> = Extract<ClassifierRunConfig, { method: M }>;

/** What a run came from (NOT_FOUND / FAILED_PRECONDITION / INVALID_ARGUMENT otherwise). */
export interface MethodLineage<C> {
  /** The pre-training checkpoint it starts from; '' for none. */
  checkpointId: string;
  /** The pre-training run that saved that checkpoint; '' for none. */
  runId: string;
  /** The config stored with the run: resolved, so what was trained never depends on later defaults. */
  config: C;
}

export interface ResolvedModel {
  fopConfig: FopConfig;
  /** The pre-training run that saved the checkpoint, for lineage. */
  pretrainRunId?: string;
}

/**
 * The FOP config a run fine-tunes: DEFAULT_FOP_CONFIG under the pre-training run's model config (when starting
 * from a checkpoint) under the run's overrides. An override of an architecture key that differs from the
 * checkpoint's is refused: the weights would not fit.
 */
export async function resolveFopModel(store: ReadOnlyStore, config: { pretrainedCheckpointId?: string; model?: Partial<FopConfig> }): Promise<ResolvedModel> {
  const model = config.model ?? {}; // hypercolumn runs take the checkpoint's model as it is
  if (!config.pretrainedCheckpointId) return { fopConfig: { ...DEFAULT_FOP_CONFIG, ...model } };
  const checkpoint = await store.checkpoints.get(config.pretrainedCheckpointId);
  if (!checkpoint) throw notFound('checkpoint', config.pretrainedCheckpointId);
  const run = await store.runs.get(checkpoint.runId);
  if (run?.kind !== 'fop-pretrain') {
    throw new DomainError('FAILED_PRECONDITION', `checkpoint '${checkpoint.id}' was not saved by a FOP pre-training run`, { reason: 'NOT_A_FOP_CHECKPOINT' });
  }
  const pretrained = { ...DEFAULT_FOP_CONFIG, ...((run.config.model ?? {}) as Partial<FopConfig>) };
  for (const key of FOP_ARCHITECTURE_KEYS) {
    const wanted = model[key];
    if (wanted !== undefined && wanted !== pretrained[key]) {
      throw invalidArgument(`model.${key} is ${wanted} but checkpoint '${checkpoint.id}' has ${pretrained[key]}`, [
        { field: `config_json.model.${key}`, description: `must equal the checkpoint's ${pretrained[key]}` },
      ]);
    }
  }
  return { fopConfig: { ...pretrained, ...model }, pretrainRunId: run.id };
}

/** The VQ-VAE pre-training run behind a 'fusion' run's checkpoint (NOT_FOUND / FAILED_PRECONDITION otherwise). */
export async function sequenceLineage(store: ReadOnlyStore, config: { vqvaeCheckpointId?: string }): Promise<{ pretrainRunId?: string }> {
  if (!config.vqvaeCheckpointId) return {};
  const checkpoint = await store.checkpoints.get(config.vqvaeCheckpointId);
  if (!checkpoint) throw notFound('checkpoint', config.vqvaeCheckpointId);
  const run = await store.runs.get(checkpoint.runId);
  if (run?.kind !== 'vqvae-pretrain')
    throw new DomainError('FAILED_PRECONDITION', `checkpoint '${checkpoint.id}' was not saved by a VQ-VAE pre-training run`, {
      reason: 'NOT_A_VQVAE_CHECKPOINT',
    });
  return { pretrainRunId: run.id };
}

/** Each method's lineage; a new classifier method adds its line here (and its schema to classifier-config.ts). */
const LINEAGE: { [M in ClassifierRunConfig['method']]: (store: ReadOnlyStore, config: ConfigOf<M>) => Promise<MethodLineage<ConfigOf<M>>> } = {
  async 'fop-fine-tune'(store, config) {
    const { fopConfig, pretrainRunId } = await resolveFopModel(store, config);
    // The resolved model is saved with the run, so what was trained never depends on later defaults.
    return { checkpointId: config.pretrainedCheckpointId ?? '', runId: pretrainRunId ?? '', config: { ...config, model: { ...fopConfig } } };
  },
  async 'fop-hypercolumns'(store, config) {
    // The checkpoint's FOP is used as it is (the kept model's model.json records it): only checked here. Without
    // one (representation F only) the run reads the log-mel frames and no FOP weights.
    const { pretrainRunId } = await resolveFopModel(store, config);
    return { checkpointId: config.pretrainedCheckpointId ?? '', runId: pretrainRunId ?? '', config };
  },
  async 'sequence-model'(store, config) {
    const { pretrainRunId } = await sequenceLineage(store, config);
    return { checkpointId: config.vqvaeCheckpointId ?? '', runId: pretrainRunId ?? '', config };
  },
};

/** The lineage of a validated config; the cast states what the mapped type above guarantees per method. */
export function classifierLineage(store: ReadOnlyStore, config: ClassifierRunConfig): Promise<MethodLineage<ClassifierRunConfig>> {
  const resolve = LINEAGE[config.method] as (store: ReadOnlyStore, config: ClassifierRunConfig) => Promise<MethodLineage<ClassifierRunConfig>>;
  return resolve(store, config);
}
