/**
 * SVM grid search at hypercolumn size, the two ways: one libsvm RBF fit per grid point and inner fold (what the
 * search did before precomputed-svm.ts), against searchSvm's kernel matrices computed once per inner fold. 560
 * utterance vectors (RAVDESS 4-class, 5 of 6 folds) x 1,184 features (h_concat, mean + std, of a paper-size FOP).
 * Run: npx tsx libs/classical/src/bench/svm-search-time.ts [dims, default 1184]
 * Prints one plain RBF fit, the whole 16-point x 5-fold search on precomputed kernels, and their ratio; the
 * plain-fit search is extrapolated from its per-fit time (80 fits), not run.
 */
import { performance } from 'node:perf_hooks';
import { searchSvm } from '../svm-search';
import { trainSvm } from '../svm';
import { gaussianBlobs } from '../toy-data';

const DIMS = Number(process.argv[2] ?? 1184);
const GRID = { C: [0.1, 1, 10, 100], gammaScale: [0.25, 0.5, 1, 2], folds: 5 };
const centers = [0, 1, 2, 3].map((c) => Array.from({ length: DIMS }, (_, j) => ((c * 31 + j * 17) % 7) / 7 - 0.5));
const data = gaussianBlobs({ centers, perClass: 140, spread: 3, seed: 1 });
const speakers = data.X.map((_, i) => `speaker${i % 20}`);
const innerTrain = data.X.length - data.X.length / GRID.folds;

const seconds = (fn: () => void) => {
  const start = performance.now();
  fn();
  return (performance.now() - start) / 1000;
};
const plainFit = seconds(() => trainSvm(data.X.slice(0, innerTrain), data.y.slice(0, innerTrain), { kernel: 'rbf', C: 1 }).dispose());
const fits = GRID.C.length * GRID.gammaScale.length * GRID.folds;
let chosen = { C: 0, gamma: 0, innerUa: 0 };
const search = seconds(() => (chosen = searchSvm(data.X, data.y, speakers, GRID)));
console.log(`${innerTrain} x ${DIMS}: one RBF fit ${plainFit.toFixed(2)} s, so ${fits} fits ~${(plainFit * fits).toFixed(0)} s;`);
console.log(
  `search on precomputed kernels ${search.toFixed(1)} s (C ${chosen.C}, inner UA ${chosen.innerUa.toFixed(3)}): ${((plainFit * fits) / search).toFixed(1)}x faster`,
);
