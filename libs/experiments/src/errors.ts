/** A problem the person running the experiment can act on (unknown dataset, a failed run): one line, no stack. */
export class ExperimentError extends Error {
  override readonly name = 'ExperimentError';
}
