import { useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { CountBars } from '../components/CountBars';
import { graphql } from '../gql';
import type { IngestionProgressSubscription } from '../gql/graphql';
import { ErrorNote } from '../lib/errors';
import { formatTime } from '../lib/format';
import { DataTable } from '../components/DataTable';

const DatasetsQuery = graphql(`
  query Datasets {
    datasets(first: 50) {
      totalCount
      edges {
        node {
          name
          createdAt
          latestVersion {
            id
            version
            format
            utteranceCount
            createdAt
          }
        }
      }
    }
  }
`);

const DatasetDetailQuery = graphql(`
  query DatasetDetail($name: String!) {
    dataset(name: $name) {
      name
      latestVersion {
        id
        version
        format
        sourceUri
        utteranceCount
        classCounts {
          key
          count
        }
        speakerCounts {
          key
          count
        }
        ingestionReport {
          filesSeen
          utterancesIngested
          elapsedMs
          skipped {
            path
            reason
          }
        }
      }
    }
  }
`);

const IngestionProgress = graphql(`
  subscription IngestionProgress {
    ingestionProgress {
      corpusName
      stage
      utteranceCount
      skippedCount
      datasetVersion {
        id
        version
      }
    }
  }
`);

type IngestionEvent = IngestionProgressSubscription['ingestionProgress'];

function DatasetDetail({ name }: { name: string }) {
  const { data, error } = useQuery(DatasetDetailQuery, { variables: { name } });
  const version = data?.dataset?.latestVersion;
  if (error) return <ErrorNote error={error} />;
  if (!version) return <p>Loading {name}…</p>;
  const report = version.ingestionReport;
  return (
    <section aria-labelledby="dataset-detail-title" className="card">
      <h2 id="dataset-detail-title">
        {name} <small>version {version.version}</small>
      </h2>
      <p>
        {version.utteranceCount} utterances, format {version.format}
        {version.sourceUri && (
          <>
            {' '}
            from <code>{version.sourceUri}</code>
          </>
        )}
        . Version id <code>{version.id}</code>
      </p>
      <div className="columns">
        <CountBars title="Classes" counts={version.classCounts} />
        <CountBars title="Speakers" counts={version.speakerCounts} />
      </div>
      <h3>Ingestion report</h3>
      {report ? (
        <>
          <p>
            {report.filesSeen} files seen, {report.utterancesIngested} utterances ingested in {(report.elapsedMs / 1000).toFixed(1)} s, {report.skipped.length}{' '}
            skipped.
          </p>
          {report.skipped.length > 0 && (
            <DataTable caption="Skipped files" columns={['File', 'Reason']}>
              {report.skipped.map((s) => (
                <tr key={s.path}>
                  <td>
                    <code>{s.path}</code>
                  </td>
                  <td>{s.reason}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      ) : (
        <p>No ingestion report was stored for this version.</p>
      )}
    </section>
  );
}

export function DatasetsPage() {
  const { data, error, refetch } = useQuery(DatasetsQuery);
  const [selected, setSelected] = useState<string | null>(null);
  const [events, setEvents] = useState<IngestionEvent[]>([]);
  const live = useSubscription(IngestionProgress, {
    onData: ({ data: event }) => {
      const next = event.data?.ingestionProgress;
      if (!next) return;
      setEvents((previous) => [next, ...previous].slice(0, 20));
      if (next.stage === 'READY') void refetch();
    },
  });
  const datasets = data?.datasets.edges.map((e) => e.node) ?? [];
  return (
    <>
      <h1>Datasets</h1>
      <ErrorNote error={error} />
      <section aria-labelledby="ingestion-title" className="card">
        <h2 id="ingestion-title">Live ingestion</h2>
        <ErrorNote error={live.error} />
        {events.length === 0 ? (
          <p>Waiting for ingestion events (a corpus published with ser corpus publish or imported with ser corpus import shows here).</p>
        ) : (
          <ul aria-live="polite" className="events">
            {events.map((e, i) => (
              <li key={`${e.corpusName}-${e.stage}-${i}`}>
                <strong>{e.corpusName}</strong> {e.stage === 'READY' ? 'ready' : 'published'}
                {e.utteranceCount != null && <>: {e.utteranceCount} utterances</>}
                {e.skippedCount ? <>, {e.skippedCount} skipped</> : null}
                {e.datasetVersion && <> (version {e.datasetVersion.version})</>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <DataTable
        scrollLabel="Datasets"
        caption={data ? `${data.datasets.totalCount} datasets` : 'Loading datasets…'}
        columns={['Name', 'Latest version', 'Format', 'Utterances', 'Registered']}
      >
        {datasets.map((d) => (
          <tr key={d.name}>
            <td>
              <button type="button" className="link" onClick={() => setSelected(d.name)} aria-pressed={selected === d.name}>
                {d.name}
              </button>
            </td>
            <td title={d.latestVersion?.version}>{d.latestVersion?.version.slice(0, 12) ?? '–'}</td>
            <td>{d.latestVersion?.format ?? '–'}</td>
            <td>{d.latestVersion?.utteranceCount ?? 0}</td>
            <td>{formatTime(d.latestVersion?.createdAt ?? d.createdAt)}</td>
          </tr>
        ))}
      </DataTable>
      {selected && <DatasetDetail name={selected} />}
    </>
  );
}
