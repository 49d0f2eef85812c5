// What every method's per-fold training reports, whatever it trains: the epochs it ran and where early
// stopping left it. The fold loop (fold-loop.ts) and the job events read only these.

export interface FoldEpoch {
  epoch: number;
  trainLoss: number;
  validationLoss: number;
  improved: boolean;
}

/** A fold trained with early stopping; each method adds the model it trained. */
export interface EarlyStoppedFold {
  status: 'completed' | 'stopped' | 'cancelled';
  bestEpoch: number;
  bestValidationLoss: number;
  history: FoldEpoch[];
}

/** What a fold's training tells its caller, and asks it. */
export interface FoldTrainingEvents {
  onEpoch(e: FoldEpoch): void;
  shouldCancel(): boolean;
}

/**
 * Runs one fold's training with its optimizer, which is freed whatever happens; the model is freed only when
 * training throws, since on success it goes to the caller (who frees it after testing and saving).
 */
export async function trainFoldModel<T>(optimizer: { dispose(): void }, disposeModel: () => void, train: () => Promise<T>): Promise<T> {
  try {
    return await train();
  } catch (err) {
    disposeModel();
    throw err;
  } finally {
    optimizer.dispose();
  }
}
