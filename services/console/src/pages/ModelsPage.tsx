import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../gql';
import type { ModelAliasMovedSubscription } from '../gql/graphql';
import { downloadWithToken } from '../lib/download';
import { ErrorNote } from '../lib/errors';
import { formatTime, numericEntries, shortId } from '../lib/format';
import { Link } from '../router';
import { DataTable } from '../components/DataTable';

const ModelsQuery = graphql(`
  query Models {
    models(first: 50) {
      edges {
        node {
          name
          latestVersion
          versionCount
          aliases {
            alias
            updatedAt
            version {
              id
              version
            }
          }
        }
      }
    }
  }
`);

const ModelDetailQuery = graphql(`
  query ModelDetail($name: String!) {
    model(name: $name) {
      name
      aliases {
        alias
        updatedAt
        version {
          id
          version
        }
      }
      versions(first: 50) {
        totalCount
        edges {
          node {
            id
            version
            metrics
            artifactKey
            createdAt
            aliases
            downloadUrl(format: ONNX)
            run {
              id
              kind
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
            }
          }
        }
      }
    }
  }
`);

const PromoteModel = graphql(`
  mutation PromoteModel($name: String!, $version: Int!, $alias: String!) {
    promoteModel(name: $name, version: $version, alias: $alias) {
      id
      version
      aliases
    }
  }
`);

const AliasMoved = graphql(`
  subscription ModelAliasMoved {
    modelAliasMoved {
      modelName
      alias
      version
      previousVersion
    }
  }
`);

type Move = ModelAliasMovedSubscription['modelAliasMoved'];
const SHOWN_METRICS = ['wa', 'ua', 'macroF1', 'f1'];

function ModelDetail({ name, moves }: { name: string; moves: readonly Move[] }) {
  const { data, error, refetch } = useQuery(ModelDetailQuery, { variables: { name } });
  const [alias, setAlias] = useState('production');
  const [promote, promoted] = useMutation(PromoteModel);
  const [exporting, setExporting] = useState<number | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  // Another tab or user moved an alias of this model: read its aliases and versions again.
  useEffect(() => {
    if (moves.length > 0) void refetch();
  }, [moves.length, refetch]);
  const model = data?.model;
  if (error) return <ErrorNote error={error} />;
  if (!model) return <p>Loading {name}…</p>;
  const versions = model.versions.edges.map((e) => e.node);
  const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
  const move = async (target: string, version: number) => {
    await promote({ variables: { name, version, alias: target } }).catch(() => null);
    void refetch();
  };
  // The first download of a version makes its export (the registry keeps it), so it may take a few seconds.
  const download = async (version: number, url: string) => {
    setExporting(version);
    setExportError(null);
    await downloadWithToken(url, `${name}-${version}.onnx`).catch(setExportError);
    setExporting(null);
  };
  return (
    <section className="card" aria-labelledby="model-title">
      <h2 id="model-title">{name}</h2>
      <DataTable caption="Aliases" columns={['Alias', 'Version', 'Moved', 'Roll back']}>
        {model.aliases.map((a) => {
          // The schema keeps no alias history: rolling back moves the alias to the newest version below it.
          const previous = numbers.filter((n) => n < a.version.version).at(-1);
          return (
            <tr key={a.alias} data-testid={`alias-${a.alias}`}>
              <th scope="row">{a.alias}</th>
              <td>v{a.version.version}</td>
              <td>{formatTime(a.updatedAt)}</td>
              <td>
                {previous === undefined ? (
                  'no earlier version'
                ) : (
                  <button type="button" className="secondary" disabled={promoted.loading} onClick={() => void move(a.alias, previous)}>
                    Roll back {a.alias} to v{previous}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <ErrorNote error={promoted.error} />
      {moves.length > 0 && (
        <ul aria-live="polite" className="events" aria-label="Alias moves">
          {moves.map((m, i) => (
            <li key={i}>
              {m.alias} moved {m.previousVersion ? `from v${m.previousVersion} ` : ''}to v{m.version}
            </li>
          ))}
        </ul>
      )}
      <div className="filters">
        <label htmlFor="promote-alias">Alias to move</label>
        <input id="promote-alias" value={alias} onChange={(e) => setAlias(e.target.value)} />
      </div>
      <DataTable
        scrollLabel="Model versions"
        caption={`${model.versions.totalCount} versions`}
        columns={['Version', 'Metrics', 'Lineage', 'Created', 'Aliases', 'Promote', 'Export']}
      >
        {versions.map((v) => (
          <tr key={v.id}>
            <th scope="row">v{v.version}</th>
            <td className="nowrap">
              {numericEntries(v.metrics)
                .filter(([k]) => SHOWN_METRICS.includes(k))
                .map(([k, value]) => (
                  <div key={k}>
                    {k} {value.toFixed(3)}
                  </div>
                ))}
            </td>
            <td>
              {v.run ? (
                <>
                  run <Link href={`/runs/${encodeURIComponent(v.run.id)}`}>{shortId(v.run.id)}</Link> on{' '}
                  {v.run.lineage.datasetVersions.map((d) => `${d.name} ${d.version.slice(0, 8)}`).join(', ') || '–'}
                  {v.run.lineage.parentRun && (
                    <>
                      , from {v.run.lineage.parentRun.kind} run {shortId(v.run.lineage.parentRun.id)}
                    </>
                  )}
                </>
              ) : (
                <code>{v.artifactKey}</code>
              )}
            </td>
            <td>{formatTime(v.createdAt)}</td>
            <td>{v.aliases.join(', ') || '–'}</td>
            <td>
              <button type="button" disabled={promoted.loading || !alias || v.aliases.includes(alias)} onClick={() => void move(alias, v.version)}>
                Make v{v.version} {alias || '…'}
              </button>
            </td>
            <td>
              <button type="button" className="secondary" disabled={exporting !== null} onClick={() => void download(v.version, v.downloadUrl)}>
                {exporting === v.version ? 'Exporting…' : `Download v${v.version} as ONNX`}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      <ErrorNote error={exportError} />
    </section>
  );
}

export function ModelsPage() {
  const { data, error, refetch } = useQuery(ModelsQuery);
  const [selected, setSelected] = useState<string | null>(null);
  const [moves, setMoves] = useState<Move[]>([]);
  useSubscription(AliasMoved, {
    onData: ({ data: event }) => {
      const move = event.data?.modelAliasMoved;
      if (!move) return;
      setMoves((previous) => [move, ...previous].slice(0, 10));
      void refetch();
    },
  });
  const models = data?.models.edges.map((e) => e.node) ?? [];
  const shown = selected ?? models[0]?.name ?? null;
  return (
    <>
      <h1>Models</h1>
      <ErrorNote error={error} />
      {data && models.length === 0 && <p>No models yet: a classifier run started with a model name registers one.</p>}
      <ul className="model-list">
        {models.map((m) => (
          <li key={m.name}>
            <button type="button" className="link" aria-pressed={shown === m.name} onClick={() => setSelected(m.name)}>
              {m.name}
            </button>{' '}
            — {m.versionCount} versions, latest v{m.latestVersion}
            {m.aliases.length > 0 && <>; {m.aliases.map((a) => `${a.alias} → v${a.version.version}`).join(', ')}</>}
          </li>
        ))}
      </ul>
      {shown && <ModelDetail key={shown} name={shown} moves={moves.filter((m) => m.modelName === shown)} />}
    </>
  );
}
