import { Counter, type Registry } from 'prom-client';

/** The features service's Prometheus instruments. Throughput is a rate in PromQL: rate(..._total[5m]). */
export interface FeaturesMetrics {
  /** Utterances whose features were extracted and stored, by dataset (corpus name), shard by shard. */
  utterancesIngested: Counter<'dataset'>;
  /** Files an ingestion skipped (undecodable, too short), by dataset. */
  utterancesSkipped: Counter<'dataset'>;
}

const byRegistry = new WeakMap<Registry, FeaturesMetrics>();

/** The features instruments on `registry`, created once per registry. */
export function featuresMetrics(registry: Registry): FeaturesMetrics {
  const existing = byRegistry.get(registry);
  if (existing) return existing;
  const metrics: FeaturesMetrics = {
    utterancesIngested: new Counter({
      name: 'ser_features_utterances_ingested_total',
      help: 'Utterances whose features an ingestion extracted and stored, by dataset.',
      labelNames: ['dataset'],
      registers: [registry],
    }),
    utterancesSkipped: new Counter({
      name: 'ser_features_utterances_skipped_total',
      help: 'Files an ingestion skipped (undecodable or too short), by dataset.',
      labelNames: ['dataset'],
      registers: [registry],
    }),
  };
  byRegistry.set(registry, metrics);
  return metrics;
}

/** Counts one computed shard of `dataset`. */
export function countShard(
  metrics: FeaturesMetrics | undefined,
  dataset: string,
  shard: { utterances: readonly unknown[]; skipped: readonly unknown[] },
): void {
  metrics?.utterancesIngested.inc({ dataset }, shard.utterances.length);
  metrics?.utterancesSkipped.inc({ dataset }, shard.skipped.length);
}
