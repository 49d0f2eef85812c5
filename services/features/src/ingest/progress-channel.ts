/**
 * Turns a callback-reporting job into an async stream of its progress messages, ending with the job's
 * result (or its error), so a server-streaming RPC can `yield*` it. Only the latest progress is kept
 * while the consumer is slow: progress is a level, not a log.
 */
export async function* progressStream<P, R>(run: (report: (p: P) => void) => Promise<R>): AsyncGenerator<{ progress: P } | { result: R }> {
  let latest: P | undefined;
  let wake: (() => void) | undefined;
  let finished: { result: R } | { error: unknown } | undefined;
  run((p) => {
    latest = p;
    wake?.();
  }).then(
    (result) => ((finished = { result }), wake?.()),
    (error: unknown) => ((finished = { error }), wake?.()),
  );
  while (true) {
    if (latest !== undefined) {
      const p = latest;
      latest = undefined;
      yield { progress: p };
      continue;
    }
    if (finished) {
      if ('error' in finished) throw finished.error;
      yield finished;
      return;
    }
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
}
