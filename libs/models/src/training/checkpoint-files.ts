import type { ArtifactStore } from '@ser/artifacts';
import type { SavedTensors } from '../serialization';
import type { SavedOptimizerState } from './optimizer-state';

/** What one epoch's checkpoint holds: weights, Adam's state, and where the run was. */
export interface CheckpointContents {
  weights: SavedTensors;
  optimizer: SavedOptimizerState;
  state: { epoch: number; step: number; bestHeldOut: number; badEpochs: number; history: Array<{ epoch: number; trainLoss: number; heldOutLoss: number }> };
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

/** checkpoints/<runId>/epoch-0003/…; each file written atomically, the manifest last so a half checkpoint is never read. */
export async function writeCheckpoint(artifacts: ArtifactStore, prefix: string, c: CheckpointContents): Promise<string> {
  const { data: weightData, ...weightMeta } = c.weights;
  const { data: optData, ...optMeta } = c.optimizer;
  await artifacts.put(`${prefix}/weights.bin`, weightData);
  await artifacts.put(`${prefix}/optimizer.bin`, optData);
  await artifacts.put(`${prefix}/checkpoint.json`, json({ weights: weightMeta, optimizer: optMeta, state: c.state }));
  return prefix;
}

export async function readCheckpoint(artifacts: ArtifactStore, prefix: string): Promise<CheckpointContents> {
  const meta = JSON.parse((await artifacts.get(`${prefix}/checkpoint.json`)).toString('utf8'));
  return {
    weights: { ...meta.weights, data: await artifacts.get(`${prefix}/weights.bin`) },
    optimizer: { ...meta.optimizer, data: await artifacts.get(`${prefix}/optimizer.bin`) },
    state: meta.state,
  };
}

/** Only the weights of a checkpoint (what fine-tuning and serving need). */
export async function readCheckpointWeights(artifacts: ArtifactStore, prefix: string): Promise<SavedTensors> {
  const meta = JSON.parse((await artifacts.get(`${prefix}/checkpoint.json`)).toString('utf8'));
  return { manifest: meta.weights.manifest, data: await artifacts.get(`${prefix}/weights.bin`) };
}
