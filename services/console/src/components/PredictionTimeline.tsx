import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { graphql } from '../gql';
import type { ModelSelectorInput, PredictionTimelineSubscription } from '../gql/graphql';
import { describeError } from '../lib/errors';
import { percent } from '../lib/format';
import { decodeToPcm16, MODEL_RATE } from '../lib/pcm';
import { DataTable } from './DataTable';

const PredictionTimelineQuery = graphql(`
  subscription PredictionTimeline($input: PredictionTimelineInput!) {
    predictionTimeline(input: $input) {
      index
      startSeconds
      endSeconds
      label
      probabilities {
        label
        probability
      }
    }
  }
`);

type PredictionWindow = PredictionTimelineSubscription['predictionTimeline'];
type Phase = 'idle' | 'decoding' | 'streaming' | 'done';

const confidence = (w: PredictionWindow) => w.probabilities.find((p) => p.label === w.label)?.probability ?? 0;
const seconds = (s: number) => `${s.toFixed(1)} s`;

/**
 * Long audio as a sequence of windows: the browser decodes the clip to 16 kHz PCM, the predictionTimeline
 * subscription streams it through the inference service, and each window's label appears as it is predicted.
 */
export function PredictionTimeline({ audio, model, optOut }: { audio: File | null; model: ModelSelectorInput | undefined; optOut: boolean }) {
  const client = useApolloClient();
  const [windowSeconds, setWindowSeconds] = useState('3');
  const [windows, setWindows] = useState<PredictionWindow[]>([]);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<string | null>(null);
  const running = useRef<{ unsubscribe(): void } | null>(null);
  useEffect(() => () => running.current?.unsubscribe(), []);

  const start = async () => {
    if (!audio) return;
    running.current?.unsubscribe();
    setWindows([]);
    setError(null);
    setPhase('decoding');
    try {
      const pcm = await decodeToPcm16(audio);
      setPhase('streaming');
      const input = { pcm: pcm.base64, sampleRateHz: MODEL_RATE, windowSeconds: Number(windowSeconds) || undefined, model, recordOptOut: optOut };
      running.current = client.subscribe({ query: PredictionTimelineQuery, variables: { input } }).subscribe({
        next: (result) => {
          if (result.error) setError(describeError(result.error));
          const w = result.data?.predictionTimeline;
          if (w) setWindows((all) => [...all, w]);
        },
        error: (err: unknown) => (setError(describeError(err)), setPhase('done')),
        complete: () => setPhase('done'),
      });
    } catch (err) {
      setError(`This browser could not decode the audio: ${(err as Error).message}`);
      setPhase('idle');
    }
  };

  const busy = phase === 'decoding' || phase === 'streaming';
  return (
    <section className="card stack" aria-labelledby="over-time-title">
      <h2 id="over-time-title">Predictions over time</h2>
      <p>For long audio: one prediction per window of the clip chosen above, shown as each is made. Silent windows are skipped.</p>
      <label htmlFor="window-seconds">Window length (seconds)</label>
      <input id="window-seconds" type="number" min={0.5} step={0.5} value={windowSeconds} onChange={(e) => setWindowSeconds(e.target.value)} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="button" onClick={() => void start()} disabled={!audio || busy}>
        {phase === 'decoding' ? 'Decoding…' : phase === 'streaming' ? 'Predicting…' : 'Predict over time'}
      </button>
      <p aria-live="polite" data-testid="timeline-status">
        {phase === 'idle' ? '' : `${windows.length} windows${phase === 'done' ? ', finished' : ' so far'}`}
      </p>
      {windows.length > 0 && (
        <DataTable scrollLabel="Predictions over time, by window" caption="Label per window" columns={['From', 'To', 'Label', 'Confidence']}>
          {windows.map((w) => (
            <tr key={w.index}>
              <td>{seconds(w.startSeconds)}</td>
              <td>{seconds(w.endSeconds)}</td>
              <td>{w.label}</td>
              <td>{percent(confidence(w), 1)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
