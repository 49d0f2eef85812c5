import type { StandardizerState } from '@ser/classical';

/** Per-feature mean and std over every frame of the training sequences (a constant feature gets std 1). */
export function frameStatistics(sequences: readonly Float32Array[], dim: number): StandardizerState {
  const sum = new Float64Array(dim);
  const squares = new Float64Array(dim);
  let frames = 0;
  for (const s of sequences) {
    for (let i = 0; i < s.length; i++) {
      const v = s[i]!;
      sum[i % dim]! += v;
      squares[i % dim]! += v * v;
    }
    frames += s.length / dim;
  }
  const mean = Array.from(sum, (v) => v / frames);
  const std = Array.from(squares, (v, j) => Math.sqrt(Math.max(0, v / frames - mean[j]! ** 2))).map((v) => (v > 1e-6 ? v : 1));
  return { mean, std };
}
