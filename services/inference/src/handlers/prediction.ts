import type { ModelSelector__Output, Prediction__Output as Prediction } from '@ser/contracts';
import type { MetadataStore } from '@ser/store';
import type { LoadedVersion } from '../models/loaded-version';
import type { ModelHost } from '../models/model-host';
import type { ClipFrontEnd } from '../workers/front-end-pool';

/** What a prediction record says about where it came from. */
export type PredictionSource = 'unary' | 'stream' | 'batch';

export interface RecordOptions {
  /** SHA-256 of the input (the uploaded bytes, the window's PCM, the utterance's content hash). */
  inputHash: string;
  source: PredictionSource;
  /** The client asked not to be recorded. */
  optOut: boolean;
}

/** Probabilities as the proto Prediction; latency counts from `startedAt` (ms, performance.now()). */
export function toPrediction(version: LoadedVersion, probabilities: readonly number[], startedAt: number): Prediction {
  const labels = version.model.labels;
  let best = 0;
  for (let i = 1; i < probabilities.length; i++) if (probabilities[i]! > probabilities[best]!) best = i;
  const latencyMs = performance.now() - startedAt;
  version.observeLatency(latencyMs);
  return {
    label: labels[best]!,
    classProbabilities: labels.map((label, i) => ({ label, probability: probabilities[i]! })),
    model: { name: version.name, version: String(version.version) },
    latencyMs,
    predictionId: '',
  };
}

/** Stores the prediction (unless opted out) and returns it with its record id. */
export async function recordPrediction(store: MetadataStore, version: LoadedVersion, prediction: Prediction, opts: RecordOptions): Promise<Prediction> {
  if (opts.optOut) return prediction;
  const probabilities = Object.fromEntries(prediction.classProbabilities.map((c) => [c.label, c.probability]));
  const record = await store.predictions.record({
    modelVersionId: version.versionId,
    inputHash: opts.inputHash,
    label: prediction.label,
    probabilities,
    latencyMs: prediction.latencyMs,
    source: opts.source,
  });
  return { ...prediction, predictionId: record.id };
}

/**
 * One clip (16 kHz mono) through the selected model: the version is held for the request, so an alias move
 * meanwhile lets it finish on the version it started with. The features are computed where `deps.frontEnd` computes
 * (a front-end thread, or the event loop); the forward pass is shared with concurrent requests.
 */
export async function predictSamples(
  deps: { host: ModelHost; store: MetadataStore; frontEnd: ClipFrontEnd },
  selector: ModelSelector__Output | null | undefined,
  samples: Float32Array,
  opts: RecordOptions & { startedAt: number },
): Promise<Prediction> {
  const lease = await deps.host.acquire(selector);
  try {
    const probabilities = await lease.version.predictOne(await deps.frontEnd.featurize(lease.version.model, samples));
    return await recordPrediction(deps.store, lease.version, toPrediction(lease.version, probabilities, opts.startedAt), opts);
  } finally {
    lease.release();
  }
}
