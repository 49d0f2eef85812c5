import { mulberry32 } from './random';

/** Seeded Gaussian blobs for specs and the fit-time benchmark (mulberry32 + Box-Muller). */
export function gaussianBlobs(options: { centers: number[][]; perClass: number; spread: number; seed: number }): { X: number[][]; y: number[] } {
  const next = mulberry32(options.seed);
  const uniform = () => (next() * 4294967296 + 1) / 4294967297; // (0, 1): log() below never sees 0
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < options.perClass; i++) {
    options.centers.forEach((center, label) => {
      X.push(center.map((c) => c + options.spread * normal()));
      y.push(label);
    });
  }
  return { X, y };
}

export function accuracy(predicted: readonly number[], truth: readonly number[]): number {
  return predicted.filter((p, i) => p === truth[i]).length / truth.length;
}
