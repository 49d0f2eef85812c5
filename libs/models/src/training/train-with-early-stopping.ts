// trainLoop with early stopping on a held-out loss, keeping the weights of the best epoch: the shape every
// classifier fold trains in (fine-tuning, sequence models, the hypercolumn attention-LSTM), written once.
import { loadVariables, saveVariables, type SavedTensors } from '../serialization';
import { EarlyStopping } from './early-stopping';
import { trainLoop, type TrainLoopOptions, type TrainResult } from './train-loop';

export interface EarlyStoppingEpoch {
  epoch: number;
  trainLoss: number;
  validationLoss: number;
  /** This epoch's weights are the best so far (and are the ones kept unless a later epoch beats them). */
  improved: boolean;
}

export interface TrainWithEarlyStoppingOptions<B> extends Omit<TrainLoopOptions<B>, 'hooks'> {
  /** Epochs without improvement tolerated before stopping. */
  patience: number;
  /** The held-out loss (lower is better) of the weights as they are after `epoch`. */
  validate(epoch: number): number;
  /** Told after each epoch is validated (progress, logs). */
  onEpochEnd?(entry: EarlyStoppingEpoch): void;
  /** Polled before every batch; true ends training at once. */
  shouldCancel?(): boolean;
}

export interface TrainedWithEarlyStopping {
  status: TrainResult['status'];
  /** -1 when no epoch finished (cancelled at once): the variables then hold their initial values. */
  bestEpoch: number;
  bestValidationLoss: number;
  history: EarlyStoppingEpoch[];
}

/**
 * Runs trainLoop, validates after every epoch, stops after `patience` epochs without improvement (or at once on a
 * non-finite loss) and leaves `options.variables` holding the best epoch's weights, whatever way training ended.
 */
export async function trainWithEarlyStopping<B>(options: TrainWithEarlyStoppingOptions<B>): Promise<TrainedWithEarlyStopping> {
  const { patience, validate, onEpochEnd, shouldCancel, ...loop } = options;
  const stopping = new EarlyStopping({ patience });
  let best: SavedTensors = saveVariables(loop.variables);
  const history: EarlyStoppingEpoch[] = [];
  const result = await trainLoop({
    ...loop,
    hooks: {
      shouldCancel,
      onEpochEnd: (epoch, metrics) => {
        const validationLoss = validate(epoch);
        const decision = stopping.update(validationLoss, epoch);
        if (decision.improved) best = saveVariables(loop.variables);
        const entry = { epoch, trainLoss: metrics.trainLoss, validationLoss, improved: decision.improved };
        history.push(entry);
        onEpochEnd?.(entry);
        return decision.stop ? 'stop' : undefined;
      },
    },
  });
  loadVariables(loop.variables, best);
  return { status: result.status, bestEpoch: stopping.bestEpoch, bestValidationLoss: stopping.best, history };
}
