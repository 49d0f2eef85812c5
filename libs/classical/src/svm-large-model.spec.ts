import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { LibSvmClass } from './libsvm';
import { Standardizer } from './standardizer';
import { trainSvm, type SvmModelJson } from './svm';
import { gaussianBlobs } from './toy-data';

const here = dirname(fileURLToPath(import.meta.url));
const FEATURES = 256;
const CLASSES = 4;

// Overlapping blobs (each class 0.3 higher on every 4th feature) so nearly every row is a support vector and the model
// text is ~1.5 MB, the size at which libsvm-js's asm build loaded models that predicted up to 0.6 off.
const blobs = (perClass: number, seed: number) =>
  gaussianBlobs({
    centers: Array.from({ length: CLASSES }, (_, c) => Array.from({ length: FEATURES }, (_, j) => (j % CLASSES === c ? 0.3 : 0))),
    perClass,
    spread: 1,
    seed,
  });

/** libsvm-js's own prediction straight after training (the model as trained) and the model saved as trainSvm saves it. */
function trainWithLibsvm(X: number[][], y: number[], test: number[][]) {
  const standardizer = Standardizer.fit(X);
  const svm = new LibSvmClass({
    type: LibSvmClass.SVM_TYPES.C_SVC,
    kernel: LibSvmClass.KERNEL_TYPES.RBF,
    cost: 2,
    gamma: 1 / FEATURES,
    probabilityEstimates: true,
    quiet: true,
  });
  try {
    svm.train(standardizer.transform(X), y);
    const labels = [0, 1, 2, 3];
    const predicted = svm.predictProbability(standardizer.transform(test));
    const json: SvmModelJson = {
      kind: 'svm',
      options: { kernel: 'rbf', C: 2, probability: true },
      labels,
      standardizer: standardizer.toJSON(),
      libsvmModel: svm.serializeModel(),
    };
    return {
      json,
      labels: predicted.map(({ prediction }) => prediction),
      probabilities: predicted.map(({ estimates }) => labels.map((label) => estimates.find((e) => e.label === label)!.probability)),
    };
  } finally {
    svm.free();
  }
}

/** loadSvm in a fresh process, as the inference service loads a kept model: libsvm-js's bug depended on its heap. */
async function predictInFreshProcess(json: SvmModelJson, test: number[][]): Promise<{ labels: number[]; probabilities: number[][] }> {
  const script = [
    "import { readFileSync } from 'node:fs';",
    `import { loadSvm } from ${JSON.stringify(join(here, 'svm.ts'))};`,
    'const { json, test } = JSON.parse(readFileSync(0, "utf8"));',
    'const svm = loadSvm(json);',
    'console.log(JSON.stringify({ labels: svm.predict(test), probabilities: svm.predictProbability(test) }));',
  ].join('\n');
  // Asynchronous, so the vitest worker answers its runner while the child works.
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: here });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(JSON.stringify({ json, test }));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (status !== 0) throw new Error(`load process failed (${status}): ${stderr}`);
  return JSON.parse(stdout.trim()) as { labels: number[]; probabilities: number[][] };
}

const maxDifference = (a: number[][], b: number[][]) => Math.max(...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i]![j]!))));

describe('a large SVM (4 classes x 256 features, ~1.5 MB of libsvm text)', () => {
  const test = blobs(5, 12).X;
  let trained: ReturnType<typeof trainWithLibsvm>;
  beforeAll(() => {
    const train = blobs(100, 11);
    trained = trainWithLibsvm(train.X, train.y, test);
  }, 120_000);

  it('loads in a fresh process with the probabilities and labels it was trained with', { timeout: 120_000 }, async () => {
    expect(trained.json.libsvmModel.length).toBeGreaterThan(1.4e6);
    const loaded = await predictInFreshProcess(trained.json, test);
    // The saved text rounds (probA / probB / rho with %g, support vectors with %.8g): ~1e-7 of the difference.
    const difference = maxDifference(loaded.probabilities, trained.probabilities);
    expect(difference, `max |p_loaded - p_trained| = ${difference}`).toBeLessThanOrEqual(1e-6);
    expect(loaded.labels).toEqual(trained.labels);
    // Not a trivially one-class answer: the test rows come from all four blobs.
    expect(new Set(trained.labels).size).toBeGreaterThan(1);
  });

  // libsvm-js kept a trained model in its emscripten heap, where loading another large model in the same process (the
  // all-in-one runs trainer and inference together) changed its probabilities by up to 0.999 (a small one was spared).
  it('keeps a trained SVM predicting as trained after libsvm-js loads another large one in the same process', { timeout: 120_000 }, () => {
    const train = blobs(100, 13);
    const model = trainSvm(train.X, train.y, { kernel: 'rbf', C: 2, probability: true });
    const before = model.predictProbability(test);
    const other = LibSvmClass.load(trained.json.libsvmModel);
    other.predictProbability(Standardizer.fromJSON(trained.json.standardizer).transform(test));
    other.free();
    expect(maxDifference(model.predictProbability(test), before)).toBe(0);
    model.dispose();
  });
});
