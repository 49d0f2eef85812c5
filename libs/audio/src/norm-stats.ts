/**
 * Per-dimension mean and variance, accumulated in float64 one batch of frames at a time: each batch
 * is summarised exactly (two passes over it) and folded in with Chan et al.'s parallel merge, so
 * corpora of any size and any split into batches or shards give the same statistics.
 */
export interface RunningStatsJson {
  dim: number;
  count: number;
  mean: number[];
  m2: number[];
}

export class RunningStats {
  readonly dim: number;
  count = 0;
  readonly mean: Float64Array;
  /** Sum of squared deviations from the mean. */
  readonly m2: Float64Array;

  constructor(dim: number) {
    if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`dim must be a positive integer, got ${dim}`);
    this.dim = dim;
    this.mean = new Float64Array(dim);
    this.m2 = new Float64Array(dim);
  }

  /** Adds frames stored row-major as [frames, dim]. */
  add(features: ArrayLike<number>): this {
    const { dim } = this;
    if (features.length % dim !== 0) throw new RangeError(`${features.length} values are not whole frames of ${dim}`);
    const n = features.length / dim;
    if (n === 0) return this;
    const mean = new Float64Array(dim);
    for (let f = 0, i = 0; f < n; f++) for (let d = 0; d < dim; d++, i++) mean[d]! += features[i]!;
    for (let d = 0; d < dim; d++) mean[d]! /= n;
    const m2 = new Float64Array(dim);
    for (let f = 0, i = 0; f < n; f++) {
      for (let d = 0; d < dim; d++, i++) {
        const delta = features[i]! - mean[d]!;
        m2[d]! += delta * delta;
      }
    }
    return this.mergeMoments(n, mean, m2);
  }

  /** Folds another accumulator's frames into this one. */
  merge(other: RunningStats): this {
    if (other.dim !== this.dim) throw new RangeError(`cannot merge dim ${other.dim} into dim ${this.dim}`);
    return this.mergeMoments(other.count, other.mean, other.m2);
  }

  private mergeMoments(n: number, mean: Float64Array, m2: Float64Array): this {
    if (n === 0) return this;
    const total = this.count + n;
    for (let d = 0; d < this.dim; d++) {
      const delta = mean[d]! - this.mean[d]!;
      this.mean[d]! += (delta * n) / total;
      this.m2[d]! += m2[d]! + (delta * delta * this.count * n) / total;
    }
    this.count = total;
    return this;
  }

  /** Population variance per dimension (what z-normalisation divides by). */
  variance(): Float64Array {
    return this.m2.map((m) => (this.count > 0 ? m / this.count : 0));
  }

  std(): Float64Array {
    return this.variance().map(Math.sqrt);
  }

  toJSON(): RunningStatsJson {
    return { dim: this.dim, count: this.count, mean: Array.from(this.mean), m2: Array.from(this.m2) };
  }

  static fromJSON(json: RunningStatsJson): RunningStats {
    if (json.mean.length !== json.dim || json.m2.length !== json.dim) throw new RangeError('stats JSON arrays do not match dim');
    const stats = new RunningStats(json.dim);
    stats.count = json.count;
    stats.mean.set(json.mean);
    stats.m2.set(json.m2);
    return stats;
  }
}

export interface NormStatsJson {
  global: RunningStatsJson;
  speakers: Record<string, RunningStatsJson>;
}

/** Global and per-speaker statistics of one feature set, filled utterance by utterance. */
export class NormStats {
  readonly global: RunningStats;
  readonly speakers = new Map<string, RunningStats>();

  constructor(readonly dim: number) {
    this.global = new RunningStats(dim);
  }

  add(speaker: string, features: ArrayLike<number>): this {
    let stats = this.speakers.get(speaker);
    if (!stats) this.speakers.set(speaker, (stats = new RunningStats(this.dim)));
    stats.add(features);
    this.global.add(features);
    return this;
  }

  /** The speaker's statistics, or the global ones for a speaker never seen (e.g. at inference). */
  forSpeaker(speaker: string | undefined): RunningStats {
    return (speaker !== undefined && this.speakers.get(speaker)) || this.global;
  }

  merge(other: NormStats): this {
    this.global.merge(other.global);
    for (const [speaker, stats] of other.speakers) {
      const mine = this.speakers.get(speaker);
      if (mine) mine.merge(stats);
      else this.speakers.set(speaker, RunningStats.fromJSON(stats.toJSON()));
    }
    return this;
  }

  toJSON(): NormStatsJson {
    const speakers = Object.fromEntries([...this.speakers].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.toJSON()]));
    return { global: this.global.toJSON(), speakers };
  }

  static fromJSON(json: NormStatsJson): NormStats {
    const out = new NormStats(json.global.dim);
    out.global.merge(RunningStats.fromJSON(json.global));
    for (const [speaker, stats] of Object.entries(json.speakers)) out.speakers.set(speaker, RunningStats.fromJSON(stats));
    return out;
  }
}

/**
 * z-normalises row-major [frames, dim] features: (x - mean) / sqrt(variance + epsilon). The
 * epsilon keeps constant dimensions (always-silent mel bands) finite.
 */
export function applyNormalization(features: Float32Array, stats: RunningStats, epsilon = 1e-5): Float32Array {
  const { dim } = stats;
  if (features.length % dim !== 0) throw new RangeError(`${features.length} values are not whole frames of ${dim}`);
  const variance = stats.variance();
  const scale = variance.map((v) => 1 / Math.sqrt(v + epsilon));
  const out = new Float32Array(features.length);
  for (let i = 0; i < features.length; i += dim) {
    for (let d = 0; d < dim; d++) out[i + d] = (features[i + d]! - stats.mean[d]!) * scale[d]!;
  }
  return out;
}
