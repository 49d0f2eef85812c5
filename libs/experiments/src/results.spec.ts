import { describe, expect, it } from 'vitest';
import type { ClassifierEvaluation__Output } from '@ser/contracts';
import { bestCheckpoint } from './checkpoint';
import { measuredCell, repeatMetrics } from './results';

const fold = (repeat: number, fold: number, counts: number[]) => ({
  repeat,
  fold,
  testSplit: `f${fold}`,
  metrics: {},
  confusionMatrix: { labels: ['a', 'b'], counts },
});

function evaluation(folds: ReturnType<typeof fold>[]): ClassifierEvaluation__Output {
  return {
    runId: 'r1',
    protocol: 'leave-one-speaker-out',
    labels: ['a', 'b'],
    folds,
    metrics: {},
    metricsStd: {},
    confusionMatrix: { labels: ['a', 'b'], counts: [0, 0, 0, 0] },
    perClassRecall: [],
  };
}

describe('per-repeat metrics from an evaluation', () => {
  it("pools each repeat's folds before scoring, as the classifier-trainer does", () => {
    // Repeat 0: folds [[2,0],[0,0]] + [[0,0],[1,1]] pool to [[2,0],[1,1]]: WA 3/4, UA (1 + 0.5) / 2.
    // Repeat 1: [[1,1],[0,2]]: WA 3/4, UA (0.5 + 1) / 2; then [[0,2],[2,0]] alone would be 0.
    const e = evaluation([fold(0, 0, [2, 0, 0, 0]), fold(0, 1, [0, 0, 1, 1]), fold(1, 0, [1, 1, 0, 2]), fold(2, 0, [0, 2, 2, 0])]);
    expect(repeatMetrics(e)).toEqual([
      { repeat: 0, wa: 0.75, ua: 0.75, macroF1: expect.any(Number) },
      { repeat: 1, wa: 0.75, ua: 0.75, macroF1: expect.any(Number) },
      { repeat: 2, wa: 0, ua: 0, macroF1: 0 },
    ]);
    const cell = measuredCell(e);
    expect(cell.wa!.mean).toBeCloseTo(0.5, 12);
    expect(cell.wa!.std).toBeCloseTo(Math.sqrt((0.25 ** 2 * 2 + 0.5 ** 2) / 2), 12);
    expect(cell.protocol).toBe('leave-one-speaker-out');
  });

  it('refuses an evaluation without folds', () => {
    expect(() => measuredCell(evaluation([]))).toThrow(/no folds/);
  });
});

describe('the checkpoint a pre-training run hands on', () => {
  const ck = (id: string, heldOutLoss?: number) => ({ id, metrics: (heldOutLoss === undefined ? {} : { heldOutLoss }) as Record<string, number> });

  it('is the lowest held-out loss, else the last saved', () => {
    expect(bestCheckpoint([ck('a', 2), ck('b', 1), ck('c', 3)])?.id).toBe('b');
    expect(bestCheckpoint([ck('a'), ck('b')])?.id).toBe('b');
    expect(bestCheckpoint([])).toBeUndefined();
  });
});
