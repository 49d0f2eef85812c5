import type { TrainingWorkerMessage } from '@ser/runs';
import type { PretrainJobEvents } from './pretrain-job';

type StepEvent = Parameters<PretrainJobEvents['onStep']>[0];
type EpochEvent = Parameters<PretrainJobEvents['onEpoch']>[0];

// FOP runs store trainLoss / heldOutLoss / bestHeldOutLoss and show watchers `train` / `heldOut`: the gateway and
// stored runs read these names, so the worker names both sides rather than taking the generic defaults.

export function stepMessage(p: StepEvent): Extract<TrainingWorkerMessage, { type: 'step' }> {
  return { type: 'step', epoch: p.epoch, step: p.step, totalSteps: p.totalSteps, losses: { train: p.loss }, metrics: { trainLoss: p.loss } };
}

export function epochMessage(e: EpochEvent): TrainingWorkerMessage {
  return {
    type: 'epoch',
    epoch: e.epoch,
    step: e.step,
    metrics: { trainLoss: e.trainLoss, heldOutLoss: e.heldOutLoss },
    losses: { train: e.trainLoss, heldOut: e.heldOutLoss },
    checkpointPrefix: e.checkpointPrefix,
    best: e.best,
  };
}

export function doneMessage(r: { status: 'completed' | 'stopped' | 'cancelled'; epochsCompleted: number; bestHeldOut: number }): TrainingWorkerMessage {
  return { type: 'done', status: r.status, epochsCompleted: r.epochsCompleted, metrics: { bestHeldOutLoss: r.bestHeldOut } };
}
