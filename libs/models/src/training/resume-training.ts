import type { ArtifactStore } from '@ser/artifacts';
import type { NamedVariables } from '../layers/variables';
import { loadVariables } from '../serialization';
import { readCheckpoint, type CheckpointContents } from './checkpoint-files';
import { loadAdamState, type AdamOptimizer } from './optimizer-state';

export type TrainingState = CheckpointContents['state'];

/**
 * Where a pre-training run starts: before its first epoch, or, resuming from a checkpoint, exactly where that
 * checkpoint left it. Resuming loads the checkpoint's weights into `variables` and Adam's moments for
 * `optimizerVariables` (the trainable ones) into `optimizer`, and returns its epoch, step and early-stopping state.
 */
export async function resumeTraining(
  artifacts: ArtifactStore,
  resumeFrom: string | undefined,
  variables: NamedVariables,
  optimizer: AdamOptimizer,
  optimizerVariables: NamedVariables = variables,
): Promise<TrainingState> {
  if (!resumeFrom) return { epoch: -1, step: 0, bestHeldOut: Number.POSITIVE_INFINITY, badEpochs: 0, history: [] };
  const saved = await readCheckpoint(artifacts, resumeFrom);
  loadVariables(variables, saved.weights);
  await loadAdamState(optimizer, optimizerVariables, saved.optimizer);
  return saved.state;
}
