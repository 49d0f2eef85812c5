import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { StartClassifierForm, StartPretrainForm } from '../components/StartRunForms';
import { graphql } from '../gql';
import type { RunKind, RunStatus } from '../gql/graphql';
import { ErrorNote } from '../lib/errors';
import { formatTime, percent, shortId, versionName } from '../lib/format';
import { Link, navigate } from '../router';
import { DataTable } from '../components/DataTable';
import { Pager } from '../components/Pager';

const RunsQuery = graphql(`
  query Runs($kind: RunKind, $status: [RunStatus!], $after: String) {
    runs(kind: $kind, status: $status, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          status
          progress
          createdAt
          finishedAt
          modelVersion {
            id
            modelName
            version
          }
        }
      }
    }
  }
`);

const KINDS: RunKind[] = ['FOP_PRETRAIN', 'VQVAE_PRETRAIN', 'CLASSIFIER'];
const STATUSES: RunStatus[] = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];

export function RunsPage() {
  const [kind, setKind] = useState<RunKind | ''>('');
  const [status, setStatus] = useState<RunStatus | ''>('');
  const [after, setAfter] = useState<string[]>([]);
  const { data, error } = useQuery(RunsQuery, {
    variables: { kind: kind || undefined, status: status ? [status] : undefined, after: after.at(-1) },
    pollInterval: 10_000, // new runs of other users; a run's own page follows it live
  });
  const runs = data?.runs.edges.map((e) => e.node) ?? [];
  return (
    <>
      <h1>Runs</h1>
      <div className="columns">
        <StartPretrainForm onStarted={(id) => navigate(`/runs/${encodeURIComponent(id)}`)} />
        <StartClassifierForm onStarted={(id) => navigate(`/runs/${encodeURIComponent(id)}`)} />
      </div>
      <section aria-labelledby="run-list-title">
        <h2 id="run-list-title">All runs</h2>
        <div className="filters">
          <label>
            Kind{' '}
            <select value={kind} onChange={(e) => (setKind(e.target.value as RunKind | ''), setAfter([]))}>
              <option value="">any</option>
              {KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <label>
            Status{' '}
            <select value={status} onChange={(e) => (setStatus(e.target.value as RunStatus | ''), setAfter([]))}>
              <option value="">any</option>
              {STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        </div>
        <ErrorNote error={error} />
        <DataTable
          scrollLabel="Runs"
          caption={data ? `${data.runs.totalCount} runs` : 'Loading runs…'}
          columns={['Run', 'Kind', 'Status', 'Progress', 'Model', 'Created']}
        >
          {runs.map((r) => (
            <tr key={r.id}>
              <td>
                <Link href={`/runs/${encodeURIComponent(r.id)}`}>{shortId(r.id)}</Link>
              </td>
              <td>{r.kind}</td>
              <td>
                <span className={`status status-${r.status.toLowerCase()}`}>{r.status}</span>
              </td>
              <td>
                <progress max={1} value={r.progress} aria-label={`run ${shortId(r.id)} progress`} /> {percent(r.progress)}
              </td>
              <td>{versionName(r.modelVersion)}</td>
              <td>{formatTime(r.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
        <Pager pages={after} onChange={setAfter} pageInfo={data?.runs.pageInfo} />
      </section>
    </>
  );
}
