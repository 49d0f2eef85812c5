/**
 * Fit time of both classical classifiers on hypercolumn-sized data: 2,000 rows x 256 features, 4 classes.
 * Run: npx tsx libs/classical/scripts/fit-time.ts [forest trees, default 100]
 * (ml-cart grows each tree in several seconds at this size, so 100 trees take minutes.)
 */
import { performance } from 'node:perf_hooks';
import { createClassicalClassifier, type ClassicalClassifierConfig } from '../src/index';
import { accuracy, gaussianBlobs } from '../src/toy-data';

const ROWS_PER_CLASS = 500;
const DIMS = 256;
const TREES = Number(process.argv[2] ?? 100);
const centers = [0, 1, 2, 3].map((c) => Array.from({ length: DIMS }, (_, j) => ((c * 31 + j * 17) % 7) / 7 - 0.5));
const train = gaussianBlobs({ centers, perClass: ROWS_PER_CLASS, spread: 1, seed: 1 });
const test = gaussianBlobs({ centers, perClass: 100, spread: 1, seed: 2 });

const configs: ClassicalClassifierConfig[] = [
  { kind: 'svm', kernel: 'rbf', C: 1 },
  { kind: 'svm', kernel: 'linear', C: 1 },
  { kind: 'random-forest', nEstimators: TREES, maxFeatures: 'sqrt', seed: 1 },
];
for (const config of configs) {
  const classifier = createClassicalClassifier(config);
  const start = performance.now();
  classifier.fit(train.X, train.y);
  const fitSeconds = (performance.now() - start) / 1000;
  const acc = accuracy(classifier.predict(test.X), test.y);
  console.log(`${JSON.stringify(config)}: fit ${fitSeconds.toFixed(2)} s on ${train.X.length} x ${DIMS}, test accuracy ${acc.toFixed(3)}`);
  classifier.dispose();
}
