import { describe, expect, it } from 'vitest';
import { evaluate } from '@ser/evaluation';
import { evaluationToProto, runMetrics, summarise, type FoldResult, type RunEvaluation } from './evaluation';

const CLASSES = ['angry', 'sad'];

function fold(repeat: number, foldIndex: number, truth: string[], predicted: string[]): FoldResult {
  return {
    repeat,
    fold: foldIndex,
    name: `fold-${foldIndex}`,
    seed: 10 + repeat,
    trainSpeakers: ['a'],
    validationSpeakers: ['b'],
    testSpeakers: ['c'],
    counts: { train: 1, validation: 1, test: truth.length },
    epochsRun: 1,
    bestEpoch: 0,
    bestValidationLoss: 1,
    report: evaluate(truth, predicted, CLASSES),
  };
}

function evaluation(folds: FoldResult[]): RunEvaluation {
  return {
    runId: 'r1',
    method: 'fop-fine-tune',
    protocol: { kind: 'leave-one-speaker-out' },
    classes: CLASSES,
    datasetVersionId: 'dv',
    pretrainedCheckpointId: null,
    folds,
    ...summarise(folds),
    finalModel: { artifactKey: 'models/r1', repeat: 0, fold: 0, note: '' },
  };
}

describe('run evaluation', () => {
  it('pools folds within a repeat, then averages repeats with a sample std', () => {
    const folds = [
      fold(0, 0, ['angry', 'sad'], ['angry', 'sad']), // 2/2
      fold(0, 1, ['angry', 'sad'], ['angry', 'angry']), // 1/2 -> repeat 0 pooled WA 3/4
      fold(1, 0, ['angry', 'sad'], ['sad', 'angry']), // 0/2
      fold(1, 1, ['angry', 'sad'], ['angry', 'angry']), // 1/2 -> repeat 1 pooled WA 1/4
    ];
    const { repeats, summary, pooled } = summarise(folds);
    expect(repeats.map((r) => r.pooled.wa)).toEqual([0.75, 0.25]);
    expect(summary.wa.mean).toBeCloseTo(0.5);
    expect(summary.wa.std).toBeCloseTo(Math.SQRT1_2 / 2); // sample std of {0.75, 0.25}
    expect(pooled.total).toBe(8);
    expect(runMetrics(summary)).toMatchObject({ wa: 0.5, waStd: summary.wa.std! });
  });

  it('leaves the std out with a single repeat and maps the confusion matrix row-major (rows = true label)', () => {
    const e = evaluation([fold(0, 0, ['angry', 'angry', 'sad'], ['angry', 'sad', 'sad'])]);
    expect(runMetrics(e.summary)).not.toHaveProperty('waStd');
    const proto = evaluationToProto(e);
    expect(proto.metricsStd).toEqual({});
    expect(proto.confusionMatrix).toEqual({ labels: CLASSES, counts: [1, 1, 0, 1] });
    expect(proto.folds![0]).toMatchObject({ repeat: 0, fold: 0, testSplit: 'fold-0', metrics: { wa: 2 / 3, ua: 0.75 } });
    expect(proto.perClassRecall).toEqual([
      { label: 'angry', recall: 0.5, support: 2 },
      { label: 'sad', recall: 1, support: 1 },
    ]);
    expect(proto.protocol).toBe('leave-one-speaker-out');
  });
});
