export interface EarlyStoppingOptions {
  /** Epochs without improvement tolerated before stopping. */
  patience: number;
  /** How much lower than the best a loss must be to count as an improvement. */
  minDelta?: number;
}

export interface EarlyStoppingDecision {
  improved: boolean;
  stop: boolean;
}

/**
 * Patience on a held-out loss (lower is better): call `update` once per epoch from `onEpochEnd` and return 'stop'
 * when it says so; keep the weights of the epochs where `improved` is true.
 */
export class EarlyStopping {
  best = Number.POSITIVE_INFINITY;
  bestEpoch = -1;
  private epochsWithoutImprovement = 0;
  private readonly patience: number;
  private readonly minDelta: number;

  constructor(options: EarlyStoppingOptions) {
    if (!Number.isInteger(options.patience) || options.patience < 0) throw new Error(`patience must be an integer >= 0, got ${options.patience}`);
    this.patience = options.patience;
    this.minDelta = options.minDelta ?? 0;
  }

  update(heldOutLoss: number, epoch: number): EarlyStoppingDecision {
    if (!Number.isFinite(heldOutLoss)) return { improved: false, stop: true }; // a diverged run will not recover
    if (heldOutLoss < this.best - this.minDelta) {
      this.best = heldOutLoss;
      this.bestEpoch = epoch;
      this.epochsWithoutImprovement = 0;
      return { improved: true, stop: false };
    }
    this.epochsWithoutImprovement++;
    return { improved: false, stop: this.epochsWithoutImprovement > this.patience };
  }
}
