import type { ClientReadableStream } from '@grpc/grpc-js';
import type { Run__Output, RunProgress__Output } from '@ser/contracts';
import { iterateStream } from '@ser/grpc-kit';

/** Follows a Watch…Run stream to its end and returns the last run snapshot (the final status). */
export async function followRun(
  stream: ClientReadableStream<{ progress?: RunProgress__Output | null; run?: Run__Output | null }>,
  onProgress: (progress: RunProgress__Output) => void,
): Promise<Run__Output> {
  let last: Run__Output | null = null;
  for await (const message of iterateStream(stream)) {
    if (message.run) last = message.run;
    if (message.progress) onProgress(message.progress);
  }
  if (!last) throw new Error('the watch stream ended without a run snapshot');
  return last;
}

export const isSucceeded = (run: Run__Output) => run.status === 'RUN_STATUS_SUCCEEDED';

/** "failed: <error>" / "cancelled" — why a run did not succeed, for messages and results. */
export function whyNotSucceeded(run: Run__Output): string {
  const status = String(run.status).replace('RUN_STATUS_', '').toLowerCase();
  return run.error ? `${status}: ${run.error}` : status;
}
