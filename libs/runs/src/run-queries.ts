import type { PageRequest } from '@ser/contracts';
import { TOPICS, type EventBus, type RunKind } from '@ser/events';
import { failedPrecondition, invalidArgument, notFound } from '@ser/grpc-kit';
import type { MetadataStore, Run } from '@ser/store';
import { pageArgsFromRequest, pageResponse } from './paging';
import { runToProto } from './run-to-proto';

export interface RunQueries {
  get(runId: string): Promise<ReturnType<typeof runToProto>>;
  list(page: PageRequest | null | undefined): Promise<{ runs: ReturnType<typeof runToProto>[]; page: ReturnType<typeof pageResponse> }>;
  cancel(runId: string): Promise<ReturnType<typeof runToProto>>;
}

/**
 * The read and cancel side of a trainer's run lifecycle, shared by the three trainer services:
 * each run kind is stored the same way, only the RPC names differ.
 */
export function createRunQueries(store: MetadataStore, bus: EventBus, kind: RunKind): RunQueries {
  async function load(runId: string): Promise<Run> {
    if (!runId) throw invalidArgument('run_id is required', [{ field: 'run_id', description: 'must not be empty' }]);
    const run = await store.runs.get(runId);
    if (!run || run.kind !== kind) throw notFound(`${kind} run`, runId);
    return run;
  }
  return {
    async get(runId) {
      return runToProto(await load(runId));
    },
    async list(page) {
      const result = await store.runs.list({ kind }, pageArgsFromRequest(page));
      return { runs: result.edges.map((e) => runToProto(e.node)), page: pageResponse(result) };
    },
    async cancel(runId) {
      const run = await load(runId);
      if (run.status === 'cancelled') return runToProto(run);
      if (run.status === 'succeeded' || run.status === 'failed') {
        throw failedPrecondition(`run ${runId} already ${run.status}`);
      }
      // The trainer that owns the run sees the status on its next step and stops there.
      const cancelled = await store.runs.update(runId, { status: 'cancelled' });
      await bus.publish(TOPICS.runStatus, { runId, runKind: kind, status: 'cancelled', progress: cancelled.progress }, { key: runId });
      return runToProto(cancelled);
    },
  };
}
