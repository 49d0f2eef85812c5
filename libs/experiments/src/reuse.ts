// Reusing what an earlier experiment already trained: TACN Table 2's four cells are four of Table 1's, and an
// experiment stopped halfway should not train its finished cells again. A pre-training or a cell is taken over
// only when everything it was asked for — config, dataset version, pre-trained checkpoint — is the same.
import { isDeepStrictEqual } from 'node:util';
import type { ClassifierStep, PretrainStep } from './plan';
import type { CellResult, ExperimentResults, PretrainResult } from './results';

/** A succeeded pre-training of the same dataset version with the same config, from the earlier results. */
export function reusablePretraining(step: PretrainStep, datasetVersionId: string, earlier: readonly ExperimentResults[]): PretrainResult | undefined {
  return earlier
    .flatMap((r) => r.pretraining)
    .find((p) => p.key === step.key && p.datasetVersionId === datasetVersionId && isDeepStrictEqual(p.config, step.config));
}

/** A succeeded cell whose run was started with exactly `config` (dataset version and checkpoint included). */
export function reusableCell(step: ClassifierStep, config: Record<string, unknown>, earlier: readonly ExperimentResults[]): CellResult | undefined {
  const found = earlier.flatMap((r) => r.cells).find((c) => c.status === 'succeeded' && isDeepStrictEqual(c.config, config));
  return found && { ...found, row: step.row, column: step.column, reusedFrom: found.reusedFrom ?? found.runId ?? undefined };
}
