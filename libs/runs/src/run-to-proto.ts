import type { Run as ProtoRun, RunKind, RunStatus as ProtoRunStatus } from '@ser/contracts';
import type { Run, RunStatus } from '@ser/store';

/** Store run kinds (also the event bus's) -> proto enum names. */
export const RUN_KIND_TO_PROTO: Record<string, RunKind> = {
  'fop-pretrain': 'RUN_KIND_FOP_PRETRAIN',
  'vqvae-pretrain': 'RUN_KIND_VQVAE_PRETRAIN',
  classifier: 'RUN_KIND_CLASSIFIER',
};

export const RUN_STATUS_TO_PROTO: Record<RunStatus, ProtoRunStatus> = {
  queued: 'RUN_STATUS_QUEUED',
  running: 'RUN_STATUS_RUNNING',
  succeeded: 'RUN_STATUS_SUCCEEDED',
  failed: 'RUN_STATUS_FAILED',
  cancelled: 'RUN_STATUS_CANCELLED',
};

export function runToProto(run: Run): ProtoRun {
  const metrics = Object.fromEntries(Object.entries(run.metrics).filter((e): e is [string, number] => typeof e[1] === 'number'));
  const lineage = run.lineage;
  return {
    id: run.id,
    kind: RUN_KIND_TO_PROTO[run.kind] ?? 'RUN_KIND_UNSPECIFIED',
    status: RUN_STATUS_TO_PROTO[run.status],
    progress: run.progress,
    configJson: JSON.stringify(run.config),
    metrics,
    lineage: {
      // RunLineage: the store checks these keys' types on every write.
      datasetVersionIds: lineage.datasetVersionIds ?? [],
      checkpointId: lineage.checkpointId ?? '',
      runId: lineage.runId ?? '',
      configHash: lineage.configHash ?? '',
    },
    error: run.error ?? '',
    createdAtMs: run.createdAt.getTime(),
    startedAtMs: run.startedAt?.getTime() ?? 0,
    finishedAtMs: run.finishedAt?.getTime() ?? 0,
    displayName: run.displayName ?? '',
    outputCheckpointId: outputCheckpointId(run),
  };
}

/**
 * The checkpoint a later run should start from: a pre-training run's best epoch (lowest held-out loss), a classifier
 * run's kept model. Empty before there is one.
 */
export function outputCheckpointId(run: Run): string {
  return run.lineage.bestCheckpointId ?? run.lineage.modelCheckpointId ?? '';
}
