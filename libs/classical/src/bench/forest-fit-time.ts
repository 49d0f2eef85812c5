/**
 * Random-forest fit time at hypercolumn size: 1,500 utterance vectors x 768 features, 4 classes (the pooled
 * concat hypercolumn [F, h1, h2] of a 2-layer, 256-wide FOP is 592-d; 768 leaves headroom).
 * Run: npx tsx libs/classical/src/bench/forest-fit-time.ts [trees, default 100] [maxDepth, default unlimited]
 */
import { performance } from 'node:perf_hooks';
import { trainRandomForest } from '../random-forest';
import { accuracy, gaussianBlobs } from '../toy-data';

const DIMS = 768;
const trees = Number(process.argv[2] ?? 100);
const maxDepth = process.argv[3] ? Number(process.argv[3]) : undefined;
const centers = [0, 1, 2, 3].map((c) => Array.from({ length: DIMS }, (_, j) => ((c * 31 + j * 17) % 7) / 7 - 0.5));
const train = gaussianBlobs({ centers, perClass: 375, spread: 1.5, seed: 1 });
const test = gaussianBlobs({ centers, perClass: 100, spread: 1.5, seed: 2 });
const start = performance.now();
const forest = trainRandomForest(train.X, train.y, { nEstimators: trees, maxFeatures: 'sqrt', maxDepth, seed: 1 });
const seconds = (performance.now() - start) / 1000;
const acc = accuracy(forest.predict(test.X), test.y);
console.log(
  `${trees} trees, maxDepth ${maxDepth ?? 'none'}: fit ${seconds.toFixed(2)} s on ${train.X.length} x ${DIMS} (${((seconds / trees) * 1000).toFixed(0)} ms/tree), test accuracy ${acc.toFixed(3)}`,
);
