import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { weightsOfPresentLabels } from './libsvm';

const here = dirname(fileURLToPath(import.meta.url));

describe('weightsOfPresentLabels', () => {
  it('keeps the weights of the labels the training rows hold and drops the others', () => {
    expect(weightsOfPresentLabels({ 0: 2, 1: 1, 2: 0.5 }, [1, 2, 2])).toEqual({ 1: 1, 2: 0.5 });
    expect(weightsOfPresentLabels(undefined, [1, 2])).toBeUndefined();
  });

  // libsvm writes its warning straight to file descriptor 2, past console and process.stderr, so a child process
  // is the way to see it: an inner search fold whose speakers never speak one emotion printed it once per fit.
  it('fits an SVM weighted for a class its rows lack without libsvm warning on stderr', () => {
    const script = [
      `import { trainSvm } from ${JSON.stringify(join(here, 'svm.ts'))};`,
      `import { fitPredictPrecomputed } from ${JSON.stringify(join(here, 'precomputed-svm.ts'))};`,
      'const weights = { 0: 1, 1: 1, 2: 1 };',
      'trainSvm([[0, 0], [1, 1], [2, 2], [3, 3]], [1, 1, 2, 2], { kernel: "rbf", classWeights: weights }).dispose();',
      'const k = [[1, 0.5], [0.5, 1]].map((r) => Float64Array.from(r));',
      'console.log(JSON.stringify(fitPredictPrecomputed(k, [1, 2], k, { C: 10, classWeights: weights })));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: here });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toHaveLength(2);
    expect(run.stderr).not.toMatch(/specified in weight is not found/);
  });
});
