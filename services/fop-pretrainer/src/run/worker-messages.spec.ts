import { describe, expect, it } from 'vitest';
import { doneMessage, epochMessage, stepMessage } from './worker-messages';

// The run manager stores `metrics` and streams `losses`; FOP's stored names are read by the gateway and by
// comparisons across runs, so they must not drift to the generic defaults.
describe('FOP worker messages', () => {
  it('a step stores trainLoss and shows watchers `train`', () => {
    const m = stepMessage({ epoch: 2, step: 7, totalSteps: 20, loss: 0.5 });
    expect(m).toEqual({ type: 'step', epoch: 2, step: 7, totalSteps: 20, losses: { train: 0.5 }, metrics: { trainLoss: 0.5 } });
  });

  it('an epoch stores trainLoss and heldOutLoss and names its checkpoint', () => {
    const m = epochMessage({ epoch: 3, step: 40, trainLoss: 0.4, heldOutLoss: 0.6, checkpointPrefix: 'runs/r/epoch-3', best: true });
    expect(m).toEqual({
      type: 'epoch',
      epoch: 3,
      step: 40,
      metrics: { trainLoss: 0.4, heldOutLoss: 0.6 },
      losses: { train: 0.4, heldOut: 0.6 },
      checkpointPrefix: 'runs/r/epoch-3',
      best: true,
    });
  });

  it('the end of a run reports bestHeldOutLoss', () => {
    expect(doneMessage({ status: 'stopped', epochsCompleted: 5, bestHeldOut: 0.3 })).toEqual({
      type: 'done',
      status: 'stopped',
      epochsCompleted: 5,
      metrics: { bestHeldOutLoss: 0.3 },
    });
  });
});
