import type { ArtifactStore } from '@ser/artifacts';
import { importCorpus, manifestVersion, type Manifest } from '@ser/corpora';
import type { CorpusFormat } from '@ser/events';
import type { DatasetVersion, MetadataStore, NewUtterance } from '@ser/store';
import { countShard, type FeaturesMetrics } from '../features-metrics';
import { registerDatasetVersion, type IngestionReport } from './dataset-registration';
import type { FeaturePool } from './feature-pool';
import { extractShard, featuresPrefix, splitIntoShards, type SkippedFile } from './shard-extraction';

export type { IngestionReport } from './dataset-registration';

export type IngestionStage = 'scanning' | 'extracting' | 'writing' | 'done';

export interface IngestProgress {
  stage: IngestionStage;
  done: number;
  total: number;
  message?: string;
}

export interface IngestRequest {
  corpusName: string;
  format: CorpusFormat;
  /** Real directory, already confined to the allowed roots. */
  root: string;
  sourceUri: string;
  labelMap?: Record<string, string>;
}

export interface IngestResult {
  version: DatasetVersion;
  /** False when this content was already registered: nothing was written. */
  created: boolean;
  report: IngestionReport;
}

export interface IngestDeps {
  store: MetadataStore;
  artifacts: ArtifactStore;
  pool: FeaturePool;
  minDurationSeconds: number;
  shardSize: number;
  metrics?: FeaturesMetrics;
}

export interface ScannedCorpus {
  manifest: Manifest;
  /** Manifest content hash: the dataset version this content is. */
  version: string;
  /** The version already registered for this content, if any (then there is nothing to do). */
  existing: DatasetVersion | null;
}

/** Corpus folder -> manifest -> its version, and whether that version is registered already. */
export async function scanCorpusVersion(req: IngestRequest, store: MetadataStore, onProgress: (p: IngestProgress) => void = () => {}): Promise<ScannedCorpus> {
  onProgress({ stage: 'scanning', done: 0, total: 0, message: `scanning ${req.root}` });
  const manifest = await importCorpus(req.root, {
    format: req.format,
    labelMap: req.labelMap,
    onProgress: (done, total) => onProgress({ stage: 'scanning', done, total }),
  });
  const version = manifestVersion(manifest);
  return { manifest, version, existing: await store.datasets.findVersion(req.corpusName, version) };
}

/**
 * The whole corpus in this process (gRPC IngestDataset): manifest -> features shard by shard on the worker pool ->
 * one dataset version with its utterances. Idempotent: the version is the manifest's content hash, so re-ingesting
 * the same content registers nothing new. Bad files are skipped with their reason; they never stop the corpus.
 * The Kafka-driven path splits the same shards across replicas instead (ingestion-planner.ts, work-consumer.ts).
 */
export async function ingestCorpus(req: IngestRequest, deps: IngestDeps, onProgress: (p: IngestProgress) => void = () => {}): Promise<IngestResult> {
  const started = Date.now();
  const { manifest, version, existing } = await scanCorpusVersion(req, deps.store, onProgress);
  if (existing) {
    onProgress({ stage: 'done', done: existing.utteranceCount, total: existing.utteranceCount, message: 'already ingested' });
    return { version: existing, created: false, report: existing.ingestionReport as unknown as IngestionReport };
  }

  // Import-time reasons (from the importer) plus decode-time ones, each with the detail that explains it.
  const skipped: SkippedFile[] = [...manifest.skipped];
  const utterances: NewUtterance[] = [];
  const prefix = featuresPrefix(req.corpusName, version);
  const total = manifest.entries.length;
  let done = 0;
  const onFile = () => {
    done++;
    if (done % 10 === 0 || done === total) onProgress({ stage: 'extracting', done, total });
  };
  for (const [shardIndex, entries] of splitIntoShards(manifest.entries, deps.shardSize).entries()) {
    const shard = await extractShard({ root: manifest.root, prefix, shardIndex, entries }, deps, onFile);
    utterances.push(...shard.utterances);
    skipped.push(...shard.skipped);
    countShard(deps.metrics, req.corpusName, shard);
  }

  onProgress({ stage: 'writing', done, total, message: 'writing the dataset record' });
  const report: IngestionReport = {
    filesSeen: total + manifest.skipped.length,
    utterancesIngested: utterances.length,
    skipped,
    elapsedMs: Date.now() - started,
  };
  const registered = await deps.store.transaction((tx) =>
    registerDatasetVersion(tx, {
      corpusName: req.corpusName,
      version,
      format: req.format,
      sourceUri: req.sourceUri,
      labelMap: req.labelMap,
      entries: manifest.entries,
      utterances,
      report,
    }),
  );
  onProgress({ stage: 'done', done, total, message: `${utterances.length} utterances, ${skipped.length} skipped` });
  return { version: registered.version, created: registered.created, report };
}
