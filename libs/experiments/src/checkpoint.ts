import type { Checkpoint__Output } from '@ser/contracts';
import { callUnary } from '@ser/grpc-kit';
import type { ExperimentBackend } from './backend';
import { ExperimentError } from './errors';

/** The checkpoint with the lowest held-out loss (what early stopping keeps), else the last one saved. */
export function bestCheckpoint<C extends Pick<Checkpoint__Output, 'id' | 'metrics'>>(checkpoints: readonly C[]): C | undefined {
  const scored = checkpoints.filter((c) => typeof c.metrics?.heldOutLoss === 'number');
  if (scored.length > 0) return scored.reduce((best, c) => (Number(c.metrics.heldOutLoss) < Number(best.metrics.heldOutLoss) ? c : best));
  return checkpoints.at(-1);
}

/**
 * The checkpoint a finished FOP pre-training run hands to the classifier runs: from GetFopPretrainRun's checkpoint
 * list, else the run's output checkpoint, else the backend's own lookup (the embedded system reads its store).
 */
export async function pretrainedCheckpointId(backend: ExperimentBackend, runId: string, service: 'fop' | 'vqvae' = 'fop'): Promise<string> {
  const { run, checkpoints } =
    service === 'vqvae'
      ? await callUnary(vqvaeClient(backend), 'GetVqvaePretrainRun', { runId })
      : await callUnary(backend.fop, 'GetFopPretrainRun', { runId });
  const fromList = bestCheckpoint(checkpoints ?? [])?.id;
  const id = fromList || run?.outputCheckpointId || (await backend.lookupCheckpoint?.(runId));
  if (!id) throw new ExperimentError(`pre-training run ${runId} finished, but the ${service}-pretrainer names no checkpoint of it`);
  return id;
}

/** The VQ-VAE pre-trainer's client, or an ExperimentError saying the backend was connected without it. */
export function vqvaeClient(backend: ExperimentBackend): NonNullable<ExperimentBackend['vqvae']> {
  if (!backend.vqvae) throw new ExperimentError('this experiment pre-trains a VQ-VAE, but no vqvae-pretrainer address was given');
  return backend.vqvae;
}
