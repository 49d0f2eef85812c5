// What the service does for a sequence-model run before its worker starts: read the labelled utterances'
// spectrogram segments and the VQ-VAE (its checkpoint is checked when the run is queued, @ser/runs' sequenceLineage).
import type { ArtifactStore } from '@ser/artifacts';
import type { StandardizerState } from '@ser/classical';
import { runDatasetVersionIds } from '@ser/runs';
import { DomainError, notFound } from '@ser/grpc-kit';
import { DEFAULT_CNN_CONFIG, DEFAULT_VQVAE_CONFIG, readCheckpointWeights, type VqvaeConfig } from '@ser/models';
import type { ReadOnlyStore } from '@ser/store';
import type { SequenceModelRunConfig } from '../../run/classifier-config';
import { loadRunDataset, testVersionIds } from '../../run/load-dataset';
import type { PrepareDeps, WorkerDataset } from '../method';
import type { SegmentShape } from './sequence-segments';
import type { VqvaeSource } from './sequence-vqvae';

/** The segments the CNN and the VQ-VAE read: 32x129, what the features service stores (createTacnFrontEnd). */
export const SEGMENT_SHAPE = { frames: DEFAULT_CNN_CONFIG.frames, bins: DEFAULT_CNN_CONFIG.bins };

/** The worker data of a sequence-model run: `sequences` hold spectrogram segments of `shape`. */
export interface SequenceRunData extends WorkerDataset {
  shape: SegmentShape;
  /** 'fusion' runs' VQ-VAE. */
  vqvae?: VqvaeSource;
}

/** The worker data of a sequence-model run. */
export async function prepareSequenceRun(deps: PrepareDeps, config: SequenceModelRunConfig): Promise<SequenceRunData> {
  const { store, features, artifacts } = deps;
  const dataset = await loadRunDataset(store, features, runDatasetVersionIds(config), 'FEATURE_KIND_SPECTROGRAM_SEGMENTS', testVersionIds(config.protocol));
  const vqvae = config.vqvaeCheckpointId ? await readVqvaeSource(store, artifacts, config.vqvaeCheckpointId, SEGMENT_SHAPE) : undefined;
  return { ...dataset, shape: SEGMENT_SHAPE, vqvae };
}

/** Checkpoint -> VQ-VAE pre-training run -> config, weights and normalisation (checkpoints/<run>/epoch-NNNN/…). */
export async function readVqvaeSource(store: ReadOnlyStore, artifacts: ArtifactStore, checkpointId: string, shape: SegmentShape): Promise<VqvaeSource> {
  const checkpoint = await store.checkpoints.get(checkpointId);
  if (!checkpoint) throw notFound('checkpoint', checkpointId);
  const run = await store.runs.get(checkpoint.runId);
  if (run?.kind !== 'vqvae-pretrain')
    throw new DomainError('FAILED_PRECONDITION', `checkpoint '${checkpointId}' was not saved by a VQ-VAE pre-training run`, {
      reason: 'NOT_A_VQVAE_CHECKPOINT',
    });
  const normalisationKey = `${checkpoint.artifactKey}/normalisation.json`;
  if (!(await artifacts.exists(normalisationKey))) throw notFound('VQ-VAE normalisation', normalisationKey);
  return {
    checkpointId,
    pretrainRunId: run.id,
    // Merged over the defaults as pre-training did (createVqvae({...config.model, frames, bins})).
    config: { ...DEFAULT_VQVAE_CONFIG, ...((run.config.model ?? {}) as Partial<VqvaeConfig>), ...shape },
    weights: await readCheckpointWeights(artifacts, checkpoint.artifactKey),
    normalisation: JSON.parse((await artifacts.get(normalisationKey)).toString('utf8')) as StandardizerState,
  };
}
