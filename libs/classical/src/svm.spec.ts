import { afterEach, describe, expect, it } from 'vitest';
import { loadSvm, trainSvm, type TrainedSvm } from './svm';
import { accuracy, gaussianBlobs } from './toy-data';

const twoBlobs = (seed: number) =>
  gaussianBlobs({
    centers: [
      [0, 0, 0, 0],
      [3, 3, 3, 3],
    ],
    perClass: 100,
    spread: 1,
    seed,
  });
const threeBlobs = (seed: number) =>
  gaussianBlobs({
    centers: [
      [0, 0],
      [4, 0],
      [0, 4],
    ],
    perClass: 60,
    spread: 0.8,
    seed,
  });

describe('trainSvm', () => {
  const models: TrainedSvm[] = [];
  const train = (...args: Parameters<typeof trainSvm>) => {
    const model = trainSvm(...args);
    models.push(model);
    return model;
  };
  afterEach(() => models.splice(0).forEach((m) => m.dispose()));

  it.each(['rbf', 'linear'] as const)('%s kernel separates two Gaussian blobs (> 95%% on held-out data)', (kernel) => {
    const tr = twoBlobs(1);
    const te = twoBlobs(2);
    const model = train(tr.X, tr.y, { kernel, C: 1 });
    expect(accuracy(model.predict(te.X), te.y)).toBeGreaterThan(0.95);
  });

  it('solves a 3-class toy problem and keeps its integer labels', () => {
    const tr = threeBlobs(3);
    const te = threeBlobs(4);
    const model = train(
      tr.X,
      tr.y.map((l) => l * 10 + 5),
      { kernel: 'rbf', C: 10 },
    );
    expect(model.labels).toEqual([5, 15, 25]);
    expect(
      accuracy(
        model.predict(te.X),
        te.y.map((l) => l * 10 + 5),
      ),
    ).toBeGreaterThan(0.95);
  });

  it('standardises with train statistics only: a test row gets the same answer alone or among outliers', () => {
    const tr = twoBlobs(5);
    const model = train(
      tr.X.map((row) => Float32Array.from(row)),
      tr.y,
      { kernel: 'rbf' },
    );
    // Refitting on the test batch would map any lone row to the zero vector, giving both rows one class.
    expect(model.predict([[0, 0, 0, 0]])).toEqual([0]);
    expect(model.predict([[3, 3, 3, 3]])).toEqual([1]);
    const batch = model.predict([
      [0, 0, 0, 0],
      [3, 3, 3, 3],
      [1e4, 1e4, 1e4, 1e4],
      [-1e4, -1e4, -1e4, -1e4],
    ]);
    expect(batch.slice(0, 2)).toEqual([0, 1]);
  });

  it('needs standardisation: one large-scale noise feature would otherwise drown the signal', () => {
    const tr = twoBlobs(6);
    const te = twoBlobs(7);
    let k = 0;
    const widen = (X: number[][]) => X.map((row) => [...row, 1000 * Math.sin(++k * 12.9898)]); // deterministic noise
    const model = train(widen(tr.X), tr.y, { kernel: 'rbf', gamma: 0.25 });
    expect(accuracy(model.predict(widen(te.X)), te.y)).toBeGreaterThan(0.95);
  });

  it('gives probabilities that sum to 1 and survive a JSON round trip', () => {
    const tr = threeBlobs(8);
    const model = train(tr.X, tr.y, { kernel: 'rbf', probability: true });
    const probs = model.predictProbability(tr.X.slice(0, 5));
    for (const row of probs) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const restored = loadSvm(JSON.parse(JSON.stringify(model.toJSON())));
    models.push(restored);
    expect(restored.predict(tr.X)).toEqual(model.predict(tr.X));
    // With probabilities, the label is their argmax, so a served label and its probabilities agree.
    const all = model.predictProbability(tr.X);
    expect(model.predict(tr.X)).toEqual(all.map((row) => model.labels[row.indexOf(Math.max(...row))]));
  });

  it('refuses bad input and use after dispose', () => {
    expect(() => trainSvm([[1], [2]], [0, 0], { kernel: 'linear' })).toThrow(/two classes/);
    expect(() => trainSvm([[1], [2, 3]], [0, 1], { kernel: 'linear' })).toThrow(/row 1/);
    const model = trainSvm([[0], [1]], [0, 1], { kernel: 'linear' });
    model.dispose();
    expect(() => model.predict([[0]])).toThrow(/disposed/);
  });
});
