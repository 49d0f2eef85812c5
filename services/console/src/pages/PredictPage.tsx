import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { HBars } from '../components/CountBars';
import { PredictionTimeline } from '../components/PredictionTimeline';
import { Recorder } from '../components/Recorder';
import { graphql } from '../gql';
import { ErrorNote } from '../lib/errors';
import { percent } from '../lib/format';

const PredictModelsQuery = graphql(`
  query PredictModels {
    models(first: 50) {
      edges {
        node {
          name
          latestVersion
          aliases {
            alias
          }
        }
      }
    }
  }
`);

const Predict = graphql(`
  mutation Predict($input: PredictInput!) {
    predict(input: $input) {
      predictionId
      label
      probabilities {
        label
        probability
      }
      modelName
      modelVersion {
        id
        version
      }
      latencyMs
    }
  }
`);

export function PredictPage() {
  const models = useQuery(PredictModelsQuery);
  const [audio, setAudio] = useState<File | null>(null);
  const [modelName, setModelName] = useState('');
  const [alias, setAlias] = useState('production');
  const [version, setVersion] = useState('');
  const [optOut, setOptOut] = useState(false);
  const [predict, { data, loading, error }] = useMutation(Predict);
  const names = models.data?.models.edges.map((e) => e.node.name) ?? [];

  // No model named: the inference service's default model at its production alias.
  const selectedModel = modelName ? { name: modelName, ...(version ? { version: Number(version) } : { alias: alias || undefined }) } : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!audio) return;
    await predict({ variables: { input: { audio, model: selectedModel, recordOptOut: optOut } } }).catch(() => null);
  };

  const result = data?.predict;
  return (
    <>
      <h1>Predict</h1>
      <form onSubmit={submit} className="card stack" aria-labelledby="predict-form-title">
        <h2 id="predict-form-title">Audio</h2>
        <label htmlFor="audio-file">Audio file (WAV, FLAC, MP3, OGG, M4A, WebM)</label>
        <input id="audio-file" type="file" accept="audio/*,.wav,.flac,.mp3,.ogg,.m4a,.webm" onChange={(e) => setAudio(e.target.files?.[0] ?? null)} />
        <Recorder onRecorded={setAudio} />
        <p aria-live="polite">{audio ? `Ready: ${audio.name} (${(audio.size / 1024).toFixed(0)} KiB)` : 'No audio chosen yet.'}</p>
        <fieldset>
          <legend>Model</legend>
          <label htmlFor="predict-model">Model name</label>
          <select id="predict-model" value={modelName} onChange={(e) => setModelName(e.target.value)}>
            <option value="">the platform's default model</option>
            {names.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
          <label htmlFor="predict-alias">Alias</label>
          <input id="predict-alias" value={alias} disabled={!modelName || !!version} onChange={(e) => setAlias(e.target.value)} />
          <label htmlFor="predict-version">Or version</label>
          <input id="predict-version" type="number" min={1} value={version} disabled={!modelName} onChange={(e) => setVersion(e.target.value)} />
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={optOut} onChange={(e) => setOptOut(e.target.checked)} /> Keep this prediction out of the history
        </label>
        <ErrorNote error={error} />
        <button type="submit" disabled={!audio || loading}>
          {loading ? 'Predicting…' : 'Predict'}
        </button>
      </form>
      {result && (
        <section className="card" aria-labelledby="result-title" aria-live="polite">
          <h2 id="result-title">
            Predicted: <span data-testid="predicted-label">{result.label}</span>
          </h2>
          <p>
            {result.modelName} {result.modelVersion ? `v${result.modelVersion.version}` : ''}, {result.latencyMs.toFixed(0)} ms
            {result.predictionId ? '' : ' (not recorded)'}
          </p>
          <HBars
            title="Probabilities"
            rows={[...result.probabilities]
              .sort((a, b) => b.probability - a.probability)
              .map((p) => ({ label: p.label, value: p.probability, highlight: p.label === result.label }))}
            format={(v) => percent(v, 1)}
          />
        </section>
      )}
      <PredictionTimeline audio={audio} model={selectedModel} optOut={optOut} />
    </>
  );
}
