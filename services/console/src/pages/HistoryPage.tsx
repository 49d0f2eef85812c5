import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import type { PredictionFilter } from '../gql/graphql';
import { ErrorNote } from '../lib/errors';
import { formatTime, percent, versionName } from '../lib/format';
import { DataTable } from '../components/DataTable';
import { Pager } from '../components/Pager';

const PredictionsQuery = graphql(`
  query Predictions($filter: PredictionFilter, $after: String) {
    predictions(filter: $filter, first: 25, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          label
          probabilities {
            label
            probability
          }
          latencyMs
          source
          createdAt
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

export function HistoryPage() {
  const [draft, setDraft] = useState({ modelName: '', label: '', since: '' });
  const [filter, setFilter] = useState<PredictionFilter>({});
  const [pages, setPages] = useState<string[]>([]);
  const { data, error } = useQuery(PredictionsQuery, { variables: { filter, after: pages.at(-1) } });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setPages([]);
    setFilter({
      modelName: draft.modelName || undefined,
      label: draft.label || undefined,
      // datetime-local is the reader's local time; the API wants ISO 8601.
      since: draft.since ? new Date(draft.since).toISOString() : undefined,
    });
  };
  const rows = data?.predictions.edges.map((e) => e.node) ?? [];
  return (
    <>
      <h1>Prediction history</h1>
      <form className="filters" onSubmit={apply} aria-label="Filters">
        <label>
          Model name <input value={draft.modelName} onChange={(e) => setDraft({ ...draft, modelName: e.target.value })} />
        </label>
        <label>
          Label <input value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })} />
        </label>
        <label>
          Since <input type="datetime-local" value={draft.since} onChange={(e) => setDraft({ ...draft, since: e.target.value })} />
        </label>
        <button type="submit">Apply filters</button>
      </form>
      <ErrorNote error={error} />
      <DataTable
        scrollLabel="Prediction history"
        caption={data ? `${data.predictions.totalCount} predictions` : 'Loading predictions…'}
        columns={['When', 'Label', 'Confidence', 'Model', 'Source', 'Latency']}
      >
        {rows.map((p) => (
          <tr key={p.id}>
            <td>{formatTime(p.createdAt)}</td>
            <td>{p.label}</td>
            <td>{percent(p.probabilities.find((q) => q.label === p.label)?.probability ?? 0, 1)}</td>
            <td>{versionName(p.modelVersion)}</td>
            <td>{p.source}</td>
            <td>{p.latencyMs.toFixed(0)} ms</td>
          </tr>
        ))}
      </DataTable>
      <Pager pages={pages} onChange={setPages} pageInfo={data?.predictions.pageInfo} />
    </>
  );
}
