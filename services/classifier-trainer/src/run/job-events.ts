import type { FoldEpoch } from './fold-training';

/** What a method's job (in the worker thread) tells the run manager as it goes, and asks it. */
export interface ClassifierJobEvents {
  onEpoch(e: FoldEpoch & { repeat: number; fold: number; totalFolds: number }): void;
  onFold(f: { repeat: number; fold: number; totalFolds: number; wa: number; ua: number }): void;
  /** After the model kept for serving is written. */
  onModelSaved(m: { artifactKey: string; bestEpoch: number; validationLoss: number | null }): void;
  shouldCancel(): boolean;
}

/** Where a run's kept model is written (models/<runId>/, @ser/model-artifacts), whatever its method. */
export const modelPrefix = (runId: string) => `models/${runId}`;
