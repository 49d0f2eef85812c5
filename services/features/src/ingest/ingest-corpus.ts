import { join } from 'node:path';
import type { ArtifactStore } from '@ser/artifacts';
import { classCounts, importCorpus, manifestVersion, speakerCounts, type ManifestEntry } from '@ser/corpora';
import type { CorpusFormat } from '@ser/events';
import type { DatasetVersion, MetadataStore, NewUtterance } from '@ser/store';
import type { FeaturePool } from './feature-pool';
import { ShardWriter } from './shard-writer';

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

export interface IngestionReport {
  filesSeen: number;
  utterancesIngested: number;
  skipped: Array<{ path: string; reason: string }>;
  elapsedMs: number;
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
}

/**
 * Corpus folder -> manifest -> features in worker threads -> shards -> one dataset version with its utterances.
 * Idempotent: the version is the manifest's content hash, so re-ingesting the same content registers nothing new.
 * Bad files are skipped with their reason; they never stop the corpus.
 */
export async function ingestCorpus(req: IngestRequest, deps: IngestDeps, onProgress: (p: IngestProgress) => void = () => {}): Promise<IngestResult> {
  const started = Date.now();
  onProgress({ stage: 'scanning', done: 0, total: 0, message: `scanning ${req.root}` });
  const manifest = await importCorpus(req.root, {
    format: req.format,
    labelMap: req.labelMap,
    onProgress: (done, total) => onProgress({ stage: 'scanning', done, total }),
  });
  const version = manifestVersion(manifest);
  const existing = await deps.store.datasets.findVersion(req.corpusName, version);
  if (existing) {
    onProgress({ stage: 'done', done: existing.utteranceCount, total: existing.utteranceCount, message: 'already ingested' });
    return { version: existing, created: false, report: existing.ingestionReport as unknown as IngestionReport };
  }

  // Import-time reasons (from the importer) plus decode-time ones, each with the detail that explains it.
  const skipped: Array<{ path: string; reason: string }> = [...manifest.skipped];
  const prefix = `features/${safeSegment(req.corpusName)}/${version}`;
  const writers = { logMel: new ShardWriter(deps.artifacts, `${prefix}/log-mel`, deps.shardSize), tacn: new ShardWriter(deps.artifacts, `${prefix}/tacn`, deps.shardSize) };
  const utterances: NewUtterance[] = [];
  const total = manifest.entries.length;
  let done = 0;

  const handle = async (entry: ManifestEntry) => {
    const result = await deps.pool.run({ path: join(manifest.root, entry.path), minDurationSeconds: deps.minDurationSeconds, kinds: ['log-mel', 'tacn'] });
    done++;
    if (!result.ok) {
      skipped.push({ path: entry.path, reason: `${result.reason}: ${result.message}` });
    } else {
      const features = { 'log-mel': writers.logMel.add(result.logMel!.data), tacn: writers.tacn.add(result.tacn!.data), dims: { 'log-mel': result.logMel!.dims, tacn: [result.tacn!.frames, result.tacn!.bins] } };
      utterances.push({
        utteranceId: entry.utteranceId,
        path: entry.path,
        durationS: result.durationSeconds,
        label: entry.label,
        speaker: entry.speaker,
        session: entry.session,
        gender: entry.gender,
        contentHash: entry.contentHash,
        split: entry.split ?? null,
        featuresKey: JSON.stringify(features),
      });
    }
    if (done % 10 === 0 || done === total) onProgress({ stage: 'extracting', done, total });
  };
  // A bounded number of files in flight keeps memory flat whatever the corpus size.
  await forEachBounded(manifest.entries, deps.pool.threads * 2, handle);

  onProgress({ stage: 'writing', done, total, message: 'writing shards and the dataset record' });
  await writers.logMel.close();
  await writers.tacn.close();
  const kept = new Set(utterances.map((u) => u.utteranceId));
  const good = { ...manifest, entries: manifest.entries.filter((e) => kept.has(e.utteranceId)) };
  const report: IngestionReport = { filesSeen: total + manifest.skipped.length, utterancesIngested: utterances.length, skipped, elapsedMs: Date.now() - started };
  const registered = await deps.store.transaction(async (tx) => {
    const r = await tx.datasets.registerVersion({
      datasetName: req.corpusName,
      version,
      format: req.format,
      sourceUri: req.sourceUri,
      utteranceCount: utterances.length,
      labelMap: req.labelMap ?? {},
      classCounts: classCounts(good),
      speakerCounts: speakerCounts(good),
      ingestionReport: report as never,
    });
    if (r.created) await tx.datasets.addUtterances(r.version.id, utterances);
    return r;
  });
  onProgress({ stage: 'done', done, total, message: `${utterances.length} utterances, ${skipped.length} skipped` });
  return { version: registered.version, created: registered.created, report };
}

async function forEachBounded<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}

function safeSegment(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_');
}
