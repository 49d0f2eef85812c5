import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { graphql } from '../gql';
import { ErrorNote } from '../lib/errors';
import { percent } from '../lib/format';
import { tsne } from '../lib/tsne';
import { ConfusionMatrix } from './ConfusionMatrix';
import { DataTable } from './DataTable';
import { HBars } from './CountBars';
import { ScatterPlot } from './ScatterPlot';

const RunEvaluationQuery = graphql(`
  query RunEvaluation($id: ID!) {
    run(id: $id) {
      id
      evaluation {
        protocol
        labels
        metrics {
          name
          value
        }
        metricsStd {
          name
          value
        }
        confusionMatrix {
          labels
          rows
        }
        perClassRecall {
          label
          recall
          support
        }
        folds {
          repeat
          fold
          testSplit
          metrics {
            name
            value
          }
        }
      }
      representations {
        features
        utterances {
          utteranceId
          label
          deep
          fused
        }
      }
    }
  }
`);

type Utterance = { label: string; deep: number[]; fused?: number[] | null };

/** t-SNE of the deep and (for fused runs) the fused representations, side by side as in the TACN paper. */
function Representations({ features, utterances }: { features: string; utterances: readonly Utterance[] }) {
  const plots = useMemo(() => {
    const deep = tsne(utterances.map((u) => u.deep)).map(([x, y], i) => ({ x, y, label: utterances[i]!.label }));
    const withFused = utterances.every((u) => u.fused);
    const fused = withFused ? tsne(utterances.map((u) => u.fused!)).map(([x, y], i) => ({ x, y, label: utterances[i]!.label })) : null;
    return { deep, fused };
  }, [utterances]);
  return (
    <section className="card" aria-labelledby="tsne-title">
      <h2 id="tsne-title">t-SNE of the test utterances ({features.toLowerCase()} features)</h2>
      <div className="columns">
        <ScatterPlot title="Deep representation" points={plots.deep} />
        {plots.fused ? (
          <ScatterPlot title="Fused representation" points={plots.fused} />
        ) : (
          <p>This run trained on deep features only: there is no fused representation.</p>
        )}
      </div>
    </section>
  );
}

export function RunEvaluation({ id }: { id: string }) {
  const { data, error } = useQuery(RunEvaluationQuery, { variables: { id } });
  if (error) return <ErrorNote error={error} />;
  const evaluation = data?.run?.evaluation;
  const representations = data?.run?.representations;
  if (!data) return <p>Loading the evaluation…</p>;
  if (!evaluation) return <p>This run stored no evaluation.</p>;
  const std = new Map(evaluation.metricsStd.map((m) => [m.name, m.value]));
  return (
    <>
      <section className="card" aria-labelledby="evaluation-title">
        <h2 id="evaluation-title">Evaluation ({evaluation.protocol})</h2>
        <DataTable caption="Mean over repeats and folds" columns={['Metric', 'Mean', 'Std']}>
          {evaluation.metrics.map((m) => (
            <tr key={m.name}>
              <th scope="row">{m.name}</th>
              <td>{m.value.toFixed(4)}</td>
              <td>{std.get(m.name)?.toFixed(4) ?? '–'}</td>
            </tr>
          ))}
        </DataTable>
        {evaluation.confusionMatrix && (
          <ConfusionMatrix title="Pooled confusion matrix" labels={evaluation.confusionMatrix.labels} rows={evaluation.confusionMatrix.rows} />
        )}
        <HBars
          title="Recall per class"
          rows={evaluation.perClassRecall.map((r) => ({ label: `${r.label} (${r.support})`, value: r.recall }))}
          format={(v) => percent(v, 1)}
        />
        <details>
          <summary>{evaluation.folds.length} folds</summary>
          <ul>
            {evaluation.folds.map((f) => (
              <li key={`${f.repeat}-${f.fold}`}>
                repeat {f.repeat}, fold {f.fold} ({f.testSplit}): {f.metrics.map((m) => `${m.name} ${m.value.toFixed(3)}`).join(', ')}
              </li>
            ))}
          </ul>
        </details>
      </section>
      {representations && representations.utterances.length > 0 && (
        <Representations features={representations.features} utterances={representations.utterances} />
      )}
    </>
  );
}
