import { describe, expect, it } from 'vitest';
import { formatMeanStd, resultsTable } from './report';

describe('formatMeanStd', () => {
  it('prints mean ± sample std', () => {
    // mean 0.63, sample std sqrt((0.02² + 0 + 0.02²)/2) = 0.02
    expect(formatMeanStd([0.61, 0.63, 0.65], 1, { percent: true })).toBe('63.0 ± 2.0');
    expect(formatMeanStd([1, 2, 3, 4], 2)).toBe('2.50 ± 1.29'); // sqrt(5/3) = 1.291
    expect(formatMeanStd([0.5], 1, { percent: true })).toBe('50.0');
  });
});

describe('resultsTable', () => {
  it('renders a markdown table with columns in first-seen order and escaped cells', () => {
    const table = resultsTable([
      { model: 'FOP + SVM', UA: '62.3 ± 1.4' },
      { model: 'FOP | LSTM', UA: '64.0 ± 0.9', WA: 66.1 },
    ]);
    expect(table).toBe(['| model | UA | WA |', '| --- | --- | --- |', '| FOP + SVM | 62.3 ± 1.4 |  |', '| FOP \\| LSTM | 64.0 ± 0.9 | 66.1 |'].join('\n'));
  });

  it('follows an explicit column list', () => {
    expect(resultsTable([{ a: 1, b: 2 }], ['b'])).toBe('| b |\n| --- |\n| 2 |');
  });
});
