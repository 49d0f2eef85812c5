import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { LineChart } from '../components/LineChart';
import { RunEvaluation } from '../components/RunEvaluation';
import { graphql } from '../gql';
import type { RunProgressSubscription } from '../gql/graphql';
import { ErrorNote } from '../lib/errors';
import { formatTime, numericEntries, percent, shortId } from '../lib/format';
import { Link } from '../router';

const RunDetailQuery = graphql(`
  query RunDetail($id: ID!) {
    run(id: $id) {
      id
      kind
      status
      progress
      config
      metrics
      error
      attempt
      createdAt
      startedAt
      finishedAt
      outputCheckpointId
      lineage {
        checkpointId
        datasetVersions {
          id
          name
          version
        }
        parentRun {
          id
          kind
        }
      }
      modelVersion {
        id
        modelName
        version
      }
      curves {
        name
        points {
          epoch
          value
        }
      }
    }
  }
`);

const RunProgressSub = graphql(`
  subscription RunProgress($runId: ID!) {
    runProgress(runId: $runId) {
      runId
      status
      progress
      message
      metrics
    }
  }
`);

const CancelRun = graphql(`
  mutation CancelRun($id: ID!) {
    cancelRun(id: $id, reason: "cancelled from the console") {
      id
      status
    }
  }
`);

type Progress = RunProgressSubscription['runProgress'];
const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** Groups curves by what they measure, so losses and accuracies do not share one axis. */
function curveGroups<T extends { name: string }>(curves: readonly T[]): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const c of curves) {
    const group = /loss/i.test(c.name) ? 'Loss' : 'Metrics';
    groups.set(group, [...(groups.get(group) ?? []), c]);
  }
  return [...groups];
}

export function RunPage({ id }: { id: string }) {
  const { data, error, refetch } = useQuery(RunDetailQuery, { variables: { id } });
  const [live, setLive] = useState<Progress | null>(null);
  const [cancel, cancelled] = useMutation(CancelRun);
  const subscription = useSubscription(RunProgressSub, {
    variables: { runId: id },
    onData: ({ data: event }) => {
      const next = event.data?.runProgress;
      if (!next) return;
      setLive(next);
      // Each progress event may close an epoch: read the curves again (and the final fields once finished).
      void refetch();
    },
  });
  const run = data?.run;
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p>Loading run…</p>;
  if (!run) return <p>No run {id}.</p>;
  const status = live?.status ?? run.status;
  const progress = live?.progress ?? run.progress;
  const metrics = numericEntries(live?.metrics ?? run.metrics);
  return (
    <>
      <h1>
        Run <code>{shortId(run.id)}</code> <small>{run.kind}</small>
      </h1>
      <section className="card" aria-labelledby="progress-title">
        <h2 id="progress-title">Progress</h2>
        <p aria-live="polite">
          Status:{' '}
          <strong className={`status status-${status.toLowerCase()}`} data-testid="run-status">
            {status}
          </strong>{' '}
          — <span data-testid="run-progress">{percent(progress)}</span>
          {live?.message && <> — {live.message}</>}
        </p>
        <progress max={1} value={progress} aria-label="run progress" />
        <ErrorNote error={subscription.error} />
        {run.error && <p className="error">Error: {run.error}</p>}
        {!FINISHED.has(status) && (
          <button type="button" className="secondary" disabled={cancelled.loading} onClick={() => void cancel({ variables: { id: run.id } }).catch(() => null)}>
            Cancel run
          </button>
        )}
        <ErrorNote error={cancelled.error} />
        <dl className="facts">
          <dt>Created</dt>
          <dd>{formatTime(run.createdAt)}</dd>
          <dt>Started</dt>
          <dd>{formatTime(run.startedAt)}</dd>
          <dt>Finished</dt>
          <dd>{formatTime(run.finishedAt)}</dd>
          <dt>Attempt</dt>
          <dd>{run.attempt}</dd>
          <dt>Datasets</dt>
          <dd>{run.lineage.datasetVersions.map((v) => `${v.name} ${v.version}`).join(', ') || '–'}</dd>
          <dt>From checkpoint</dt>
          <dd>{run.lineage.checkpointId ?? 'none'}</dd>
          {run.lineage.parentRun && (
            <>
              <dt>Parent run</dt>
              <dd>
                <Link href={`/runs/${encodeURIComponent(run.lineage.parentRun.id)}`}>{shortId(run.lineage.parentRun.id)}</Link> ({run.lineage.parentRun.kind})
              </dd>
            </>
          )}
          <dt>Output checkpoint</dt>
          <dd>{run.outputCheckpointId ?? '–'}</dd>
          <dt>Model</dt>
          <dd>{run.modelVersion ? <Link href="/models">{`${run.modelVersion.modelName} v${run.modelVersion.version}`}</Link> : '–'}</dd>
        </dl>
      </section>
      {metrics.length > 0 && (
        <section className="card" aria-labelledby="metrics-title">
          <h2 id="metrics-title">Latest metrics</h2>
          <dl className="facts">
            {metrics.map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value.toFixed(4)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section className="card" aria-labelledby="curves-title">
        <h2 id="curves-title">Per-epoch curves</h2>
        {run.curves.length === 0 ? (
          <p>No epoch has finished yet.</p>
        ) : (
          curveGroups(run.curves).map(([title, series]) => <LineChart key={title} title={title} series={series} />)
        )}
      </section>
      {run.kind === 'CLASSIFIER' && status === 'SUCCEEDED' && <RunEvaluation id={run.id} />}
      <details className="card">
        <summary>Resolved config</summary>
        <pre>{JSON.stringify(run.config, null, 2)}</pre>
      </details>
    </>
  );
}
