// What the service does for a sequence-model run before its worker starts: check the VQ-VAE checkpoint (at
// start, for lineage) and read the labelled utterances' spectrogram segments and the VQ-VAE (at execution).
import type { ArtifactStore } from '@ser/artifacts';
import type { FeatureServiceClient } from '@ser/contracts';
import { DomainError, notFound } from '@ser/grpc-kit';
import { DEFAULT_CNN_CONFIG, DEFAULT_FOP_CONFIG, type FopConfig } from '@ser/models';
import type { MetadataStore } from '@ser/store';
import type { SequenceModelRunConfig } from './classifier-config';
import type { FineTuneWorkerData } from './fine-tune-worker';
import { loadLabelledDataset } from './load-dataset';
import { readVqvaeSource } from './sequence-vqvae';

/** The segments the CNN and the VQ-VAE read: 32x129, what the features service stores (createTacnFrontEnd). */
export const SEGMENT_SHAPE = { frames: DEFAULT_CNN_CONFIG.frames, bins: DEFAULT_CNN_CONFIG.bins };

/**
 * The VQ-VAE pre-training run behind a 'fusion' run's checkpoint (NOT_FOUND / FAILED_PRECONDITION otherwise).
 * fopConfig is the worker data's unused FOP slot.
 */
export async function sequenceLineage(store: MetadataStore, config: SequenceModelRunConfig): Promise<{ fopConfig: FopConfig; pretrainRunId?: string }> {
  if (!config.vqvaeCheckpointId) return { fopConfig: DEFAULT_FOP_CONFIG };
  const checkpoint = await store.checkpoints.get(config.vqvaeCheckpointId);
  if (!checkpoint) throw notFound('checkpoint', config.vqvaeCheckpointId);
  const run = await store.runs.get(checkpoint.runId);
  if (run?.kind !== 'vqvae-pretrain') throw new DomainError('FAILED_PRECONDITION', `checkpoint '${checkpoint.id}' was not saved by a VQ-VAE pre-training run`, { reason: 'NOT_A_VQVAE_CHECKPOINT' });
  return { fopConfig: DEFAULT_FOP_CONFIG, pretrainRunId: run.id };
}

/** The worker data of a sequence-model run, less runId, config and artifactStore. */
export async function prepareSequenceRun(
  store: MetadataStore,
  features: FeatureServiceClient,
  artifacts: ArtifactStore,
  config: SequenceModelRunConfig,
): Promise<Omit<FineTuneWorkerData, 'runId' | 'config' | 'artifactStore'>> {
  const dataset = await loadLabelledDataset(store, features, config.datasetVersionId, 'FEATURE_KIND_SPECTROGRAM_SEGMENTS');
  const vqvae = config.vqvaeCheckpointId ? await readVqvaeSource(store, artifacts, config.vqvaeCheckpointId, SEGMENT_SHAPE) : undefined;
  return { ...dataset, fopConfig: DEFAULT_FOP_CONFIG, sequence: { shape: SEGMENT_SHAPE, vqvae } };
}
