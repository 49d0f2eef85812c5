import { Histogram, type Registry } from 'prom-client';

type VersionLabels = 'model_name' | 'model_version';

/** The inference service's Prometheus instruments; label values are a model's name and version number. */
export interface InferenceMetrics {
  /** Requests per forward pass (dynamic batching: 1 when idle, up to SER_INFERENCE_MAX_BATCH_SIZE under load). */
  batchSize: Histogram<VersionLabels>;
  /** Reading a version's artifact into memory. */
  modelLoadSeconds: Histogram<VersionLabels>;
  /** The warm-up prediction after a load, before any request sees the version. */
  modelWarmupSeconds: Histogram<VersionLabels>;
  /** A prediction from the request's arrival to its answer (what Prediction.latencyMs reports). */
  predictionSeconds: Histogram<VersionLabels>;
}

const byRegistry = new WeakMap<Registry, InferenceMetrics>();

/** The inference instruments on `registry`, created once per registry (the all-in-one and tests start it again). */
export function inferenceMetrics(registry: Registry): InferenceMetrics {
  const existing = byRegistry.get(registry);
  if (existing) return existing;
  const labelNames = ['model_name', 'model_version'] as const;
  const metrics: InferenceMetrics = {
    batchSize: new Histogram({
      name: 'ser_inference_batch_size',
      help: 'Requests sharing one forward pass (dynamic batching), by model name and version.',
      labelNames,
      // Powers of two up to well past the default SER_INFERENCE_MAX_BATCH_SIZE.
      buckets: [1, 2, 4, 8, 16, 32, 64, 128],
      registers: [registry],
    }),
    modelLoadSeconds: new Histogram({
      name: 'ser_inference_model_load_seconds',
      help: 'Time to load a model version from the artifact store (seconds).',
      labelNames,
      // Small classifiers load in milliseconds; a paper-size FOP with hypercolumn heads in tens of seconds.
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers: [registry],
    }),
    modelWarmupSeconds: new Histogram({
      name: 'ser_inference_model_warmup_seconds',
      help: 'Time of the warm-up prediction after a model version loads (seconds).',
      labelNames,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    predictionSeconds: new Histogram({
      name: 'ser_inference_prediction_duration_seconds',
      help: 'Time from a prediction request arriving to its answer (seconds), by model name and version.',
      labelNames,
      // A few-second clip takes tens of milliseconds on a warm model; batching and the wasm backend add more.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
  byRegistry.set(registry, metrics);
  return metrics;
}
