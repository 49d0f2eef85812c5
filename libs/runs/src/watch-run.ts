import type { Run as ProtoRun, RunProgress } from '@ser/contracts';

/** Where a run's live progress is announced: one event per run id. */
export interface ProgressSource {
  on(runId: string, listener: (p: RunProgress) => void): unknown;
  off(runId: string, listener: (p: RunProgress) => void): unknown;
  emit(runId: string, p: RunProgress): unknown;
}

const TERMINAL: string[] = ['RUN_STATUS_SUCCEEDED', 'RUN_STATUS_FAILED', 'RUN_STATUS_CANCELLED'];

/** Progress of a run as it happens: a snapshot first, then every update, until the run ends (with the final run). */
export async function* watchRun(
  runId: string,
  load: () => Promise<ProtoRun>,
  source: ProgressSource,
): AsyncGenerator<{ progress: RunProgress; run?: ProtoRun }> {
  const queue: RunProgress[] = [];
  let wake: (() => void) | undefined;
  const listener = (p: RunProgress) => {
    queue.push(p);
    wake?.();
  };
  // Listen before the snapshot, so an update between the two is not lost.
  source.on(runId, listener);
  try {
    const first = await load();
    yield { progress: { runId, status: first.status, progress: first.progress, message: 'snapshot', atMs: Date.now() }, run: first };
    if (TERMINAL.includes(String(first.status))) return;
    while (true) {
      while (queue.length) {
        const p = queue.shift()!;
        const terminal = TERMINAL.includes(String(p.status));
        yield terminal ? { progress: p, run: await load() } : { progress: p };
        if (terminal) return;
      }
      await new Promise<void>((r) => (wake = r));
    }
  } finally {
    source.off(runId, listener);
  }
}
