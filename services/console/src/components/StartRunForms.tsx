import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import type { PretrainKind } from '../gql/graphql';
import { ErrorNote } from '../lib/errors';
import { shortId } from '../lib/format';

const FormOptionsQuery = graphql(`
  query RunFormOptions {
    datasets(first: 50) {
      edges {
        node {
          name
          latestVersion {
            id
            version
            utteranceCount
          }
        }
      }
    }
    runs(status: [SUCCEEDED], first: 50) {
      edges {
        node {
          id
          kind
          outputCheckpointId
        }
      }
    }
  }
`);

const StartPretrain = graphql(`
  mutation StartPretrainRun($input: StartPretrainRunInput!) {
    startPretrainRun(input: $input) {
      id
      status
    }
  }
`);

const StartClassifier = graphql(`
  mutation StartClassifierRun($input: StartClassifierRunInput!) {
    startClassifierRun(input: $input) {
      id
      status
    }
  }
`);

// Starting points for the config box; the trainer validates the JSON (unknown keys and wrong types are refused,
// and the refusal's field violations are shown under the form).
const TINY_FOP = { dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1 };
export const PRETRAIN_PRESETS: Record<string, unknown> = {
  'FOP smoke (tiny model, 2 epochs)': { model: TINY_FOP, epochs: 2, batchSize: 8, cropFrames: 60 },
  'FOP paper defaults': {},
};
export const CLASSIFIER_PRESETS: Record<string, unknown> = {
  'FOP fine-tune smoke (tiny model, 2 epochs)': {
    method: 'fop-fine-tune',
    model: TINY_FOP,
    epochs: 2,
    batchSize: 8,
    cropFrames: 60,
    repeats: 1,
    protocol: { kind: 'speaker-holdout' },
  },
  'FOP fine-tune (speaker hold-out)': { method: 'fop-fine-tune', repeats: 1, protocol: { kind: 'speaker-holdout' } },
  'FOP hypercolumns + SVM': { method: 'fop-hypercolumns', repeats: 1, protocol: { kind: 'speaker-holdout' } },
  'Sequence model (TACN, deep features)': { method: 'sequence-model', repeats: 1, protocol: { kind: 'speaker-holdout' } },
};

function useFormOptions() {
  const { data } = useQuery(FormOptionsQuery);
  const versions = (data?.datasets.edges ?? []).flatMap((e) => (e.node.latestVersion ? [{ ...e.node.latestVersion, name: e.node.name }] : []));
  const checkpoints = (data?.runs.edges ?? []).flatMap((e) => (e.node.outputCheckpointId ? [{ ...e.node, checkpointId: e.node.outputCheckpointId }] : []));
  return { versions, checkpoints };
}

/** Parses the config box: a JSON object, or a message saying why not. */
function parseConfig(text: string): { config?: Record<string, unknown>; problem?: string } {
  if (!text.trim()) return { config: {} };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'The config must be a JSON object.' };
    return { config: value as Record<string, unknown> };
  } catch (err) {
    return { problem: `The config is not valid JSON: ${(err as Error).message}` };
  }
}

/** The preset picker and the config box, with the parse problem shown under it. */
function useConfigBox(presets: Record<string, unknown>) {
  const id = useId();
  const [config, setConfig] = useState(JSON.stringify(Object.values(presets)[0], null, 2));
  const { problem } = parseConfig(config);
  const element = (
    <>
      <label htmlFor={`${id}-preset`}>Preset</label>
      <select id={`${id}-preset`} onChange={(e) => setConfig(JSON.stringify(presets[e.target.value], null, 2))}>
        {Object.keys(presets).map((name) => (
          <option key={name}>{name}</option>
        ))}
      </select>
      <label htmlFor={`${id}-config`}>Config (JSON)</label>
      <textarea id={`${id}-config`} rows={6} value={config} onChange={(e) => setConfig(e.target.value)} aria-invalid={!!problem} spellCheck={false} />
      {problem && <p className="error">{problem}</p>}
    </>
  );
  return { config, problem, element };
}

function DatasetChoice({
  versions,
  selected,
  onChange,
}: {
  versions: ReturnType<typeof useFormOptions>['versions'];
  selected: string[];
  onChange: (ids: string[]) => void;
}) {
  if (versions.length === 0) return <p>No datasets yet: import a corpus first.</p>;
  return (
    <fieldset>
      <legend>Datasets</legend>
      {versions.map((v) => (
        <label key={v.id} className="check">
          <input
            type="checkbox"
            checked={selected.includes(v.id)}
            onChange={(e) => onChange(e.target.checked ? [...selected, v.id] : selected.filter((s) => s !== v.id))}
          />
          {v.name} (version {v.version}, {v.utteranceCount} utterances)
        </label>
      ))}
    </fieldset>
  );
}

export function StartPretrainForm({ onStarted }: { onStarted: (runId: string) => void }) {
  const { versions } = useFormOptions();
  const [kind, setKind] = useState<PretrainKind>('FOP');
  const [datasets, setDatasets] = useState<string[]>([]);
  const [displayName, setDisplayName] = useState('');
  const [start, { loading, error }] = useMutation(StartPretrain);
  const { config, problem, element: configBox } = useConfigBox(PRETRAIN_PRESETS);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseConfig(config);
    if (!parsed.config || datasets.length === 0) return;
    const res = await start({
      variables: { input: { kind, datasetVersionIds: datasets, config: parsed.config, displayName: displayName || undefined } },
    }).catch(() => null);
    if (res?.data) onStarted(res.data.startPretrainRun.id);
  };
  return (
    <section className="card" aria-labelledby="pretrain-title">
      <h2 id="pretrain-title">Start a pre-training run</h2>
      <form onSubmit={submit} className="stack">
        {configBox}
        <label htmlFor="pretrain-kind">Model</label>
        <select id="pretrain-kind" value={kind} onChange={(e) => setKind(e.target.value as PretrainKind)}>
          <option value="FOP">FOP (next-frame Transformer)</option>
          <option value="VQVAE">VQ-VAE</option>
        </select>
        <DatasetChoice versions={versions} selected={datasets} onChange={setDatasets} />
        <label htmlFor="pretrain-name">Display name (optional)</label>
        <input id="pretrain-name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        <ErrorNote error={error} />
        <button type="submit" disabled={loading || !!problem || datasets.length === 0}>
          Start pre-training
        </button>
      </form>
    </section>
  );
}

export function StartClassifierForm({ onStarted }: { onStarted: (runId: string) => void }) {
  const { versions, checkpoints } = useFormOptions();
  const [datasets, setDatasets] = useState<string[]>([]);
  const [checkpointId, setCheckpointId] = useState('');
  const [modelName, setModelName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [start, { loading, error }] = useMutation(StartClassifier);
  const { config, problem, element: configBox } = useConfigBox(CLASSIFIER_PRESETS);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseConfig(config);
    if (!parsed.config || datasets.length === 0) return;
    const input = {
      datasetVersionIds: datasets,
      config: parsed.config,
      checkpointId: checkpointId || undefined,
      modelName: modelName || undefined,
      displayName: displayName || undefined,
    };
    const res = await start({ variables: { input } }).catch(() => null);
    if (res?.data) onStarted(res.data.startClassifierRun.id);
  };
  return (
    <section className="card" aria-labelledby="classifier-title">
      <h2 id="classifier-title">Start a classifier run</h2>
      <form onSubmit={submit} className="stack">
        {configBox}
        <DatasetChoice versions={versions} selected={datasets} onChange={setDatasets} />
        <label htmlFor="classifier-checkpoint">Pre-trained checkpoint</label>
        <select id="classifier-checkpoint" value={checkpointId} onChange={(e) => setCheckpointId(e.target.value)}>
          <option value="">none (random initialisation)</option>
          {checkpoints.map((c) => (
            <option key={c.id} value={c.checkpointId}>
              {c.kind} run {shortId(c.id)}
            </option>
          ))}
        </select>
        <label htmlFor="classifier-model-name">Register the model as (optional)</label>
        <input id="classifier-model-name" value={modelName} onChange={(e) => setModelName(e.target.value)} />
        <label htmlFor="classifier-name">Display name (optional)</label>
        <input id="classifier-name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        <ErrorNote error={error} />
        <button type="submit" disabled={loading || !!problem || datasets.length === 0}>
          Start classifier run
        </button>
      </form>
    </section>
  );
}
