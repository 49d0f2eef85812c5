import { describe, expect, it } from 'vitest';
import { evaluate, evaluateFolds, sumConfusions } from './metrics';

const classes = ['angry', 'happy', 'sad'];
const rep = (label: string, n: number) => Array<string>(n).fill(label);

/*
 * 10 test items, rows = true, cols = predicted:
 *             angry happy sad   support  recall
 *   angry       4     1    0       5      4/5
 *   happy       1     2    0       3      2/3
 *   sad         1     0    1       2      1/2
 *   predicted   6     3    1
 *   precision  4/6   2/3  1/1
 * WA = (4+2+1)/10 = 0.7, UA = (4/5 + 2/3 + 1/2)/3 = 59/90 ≈ 0.656: WA ≠ UA because angry is both frequent and
 * well recognised. F1: angry 2·(2/3)(4/5)/(2/3+4/5) = 8/11, happy 2/3, sad 2·1·(1/2)/(3/2) = 2/3,
 * macro-F1 = (8/11 + 2/3 + 2/3)/3 = 68/99.
 */
const trueLabels = [...rep('angry', 5), ...rep('happy', 3), ...rep('sad', 2)];
const predicted = ['angry', 'angry', 'angry', 'angry', 'happy', 'angry', 'happy', 'happy', 'angry', 'sad'];

describe('evaluate', () => {
  const report = evaluate(trueLabels, predicted, classes);

  it('builds the confusion matrix with rows = true and columns = predicted', () => {
    expect(report.confusion).toEqual({
      classes,
      matrix: [
        [4, 1, 0],
        [1, 2, 0],
        [1, 0, 1],
      ],
    });
    expect(report.support).toEqual({ angry: 5, happy: 3, sad: 2 });
    expect(report.total).toBe(10);
  });

  it('WA = overall accuracy, UA = mean per-class recall, macro-F1 = mean per-class F1', () => {
    expect(report.wa).toBeCloseTo(0.7, 12);
    expect(report.ua).toBeCloseTo(59 / 90, 12);
    expect(report.macroF1).toBeCloseTo(68 / 99, 12);
    expect(report.perClassRecall).toEqual({ angry: 0.8, happy: 2 / 3, sad: 0.5 });
    expect(report.perClassPrecision).toEqual({ angry: 4 / 6, happy: 2 / 3, sad: 1 });
    expect(report.perClassF1.angry).toBeCloseTo(8 / 11, 12);
    expect(report.absentClasses).toEqual([]);
  });

  it('a class absent from the test set is flagged, left out of UA, and never NaN in JSON', () => {
    const r = evaluate(['a', 'a', 'b'], ['a', 'c', 'b'], ['a', 'b', 'c']);
    expect(r.absentClasses).toEqual(['c']);
    expect(r.perClassRecall.c).toBeNull();
    expect(r.perClassF1.c).toBeNull();
    expect(r.perClassPrecision.c).toBe(0); // predicted once, never right
    expect(r.ua).toBeCloseTo((1 / 2 + 1) / 2, 12);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(JSON.stringify(r)).perClassRecall).toEqual({ a: 0.5, b: 1, c: null });
  });

  it('a present class that is never predicted has F1 0 and no precision', () => {
    const r = evaluate(['a', 'b'], ['a', 'a'], ['a', 'b']);
    expect(r.perClassPrecision.b).toBeNull();
    expect(r.perClassF1.b).toBe(0);
    expect(r.macroF1).toBeCloseTo((2 / 3 + 0) / 2, 12); // F1_a = 2·(1/2)·1/(3/2)
  });

  it('refuses labels outside the class list and mismatched lengths', () => {
    expect(() => evaluate(['a'], ['z'], ['a', 'b'])).toThrow(/"z"/);
    expect(() => evaluate(['a', 'b'], ['a'], ['a', 'b'])).toThrow(/2 true labels but 1/);
  });
});

describe('metrics over folds', () => {
  it('pools by summing the confusion matrices, which differs from averaging fold UAs', () => {
    const { perFold, pooled } = evaluateFolds(
      [
        { name: 'f1', trueLabels: ['a', 'a', 'a', 'b'], predictedLabels: ['a', 'a', 'a', 'a'] },
        { name: 'f2', trueLabels: ['b', 'b'], predictedLabels: ['b', 'a'] },
      ],
      ['a', 'b'],
    );
    expect(perFold.map((f) => f.report.ua)).toEqual([0.5, 0.5]); // f2 has no 'a': UA over 'b' only
    expect(perFold[1]!.report.absentClasses).toEqual(['a']);
    expect(pooled.confusion.matrix).toEqual([
      [3, 0],
      [2, 1],
    ]);
    expect(pooled.ua).toBeCloseTo((1 + 1 / 3) / 2, 12);
    expect(pooled.wa).toBeCloseTo(4 / 6, 12);
  });

  it('refuses to sum matrices over different classes', () => {
    const a = evaluate(['x'], ['x'], ['x', 'y']).confusion;
    const b = evaluate(['x'], ['x'], ['y', 'x']).confusion;
    expect(() => sumConfusions([a, b])).toThrow(/class lists differ/);
  });
});
