import { describe, expect, it } from 'vitest';
import { EarlyStopping } from './early-stopping';

describe('EarlyStopping', () => {
  it('stops after `patience` epochs without improvement and remembers the best epoch', () => {
    const stopper = new EarlyStopping({ patience: 2 });
    const decisions = [1.0, 0.8, 0.85, 0.81, 0.9].map((loss, epoch) => stopper.update(loss, epoch));
    expect(decisions.map((d) => d.improved)).toEqual([true, true, false, false, false]);
    expect(decisions.map((d) => d.stop)).toEqual([false, false, false, false, true]);
    expect(stopper.best).toBe(0.8);
    expect(stopper.bestEpoch).toBe(1);
  });

  it('an improvement resets the patience; smaller than minDelta does not count', () => {
    const stopper = new EarlyStopping({ patience: 1, minDelta: 0.05 });
    expect(stopper.update(1, 0)).toEqual({ improved: true, stop: false });
    expect(stopper.update(0.97, 1)).toEqual({ improved: false, stop: false }); // within minDelta
    expect(stopper.update(0.9, 2)).toEqual({ improved: true, stop: false });
    expect(stopper.update(0.9, 3)).toEqual({ improved: false, stop: false });
    expect(stopper.update(0.89, 4)).toEqual({ improved: false, stop: true });
  });

  it('stops at once on a non-finite loss and rejects a bad patience', () => {
    expect(new EarlyStopping({ patience: 5 }).update(Number.NaN, 0).stop).toBe(true);
    expect(() => new EarlyStopping({ patience: -1 })).toThrow(/patience/);
  });
});
