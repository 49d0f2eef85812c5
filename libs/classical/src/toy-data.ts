/** Seeded Gaussian blobs for specs and the fit-time benchmark (mulberry32 + Box-Muller). */
export function gaussianBlobs(options: {
  centers: number[][];
  perClass: number;
  spread: number;
  seed: number;
}): { X: number[][]; y: number[] } {
  let state = options.seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297; // (0, 1): log() below never sees 0
  };
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
