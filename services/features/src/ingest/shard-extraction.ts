import { join } from 'node:path';
import type { ArtifactStore } from '@ser/artifacts';
import type { ManifestEntry } from '@ser/corpora';
import type { NewUtterance } from '@ser/store';
import type { FeaturePool } from './feature-pool';
import type { FeatureJobResult } from './feature-worker';
import { ShardWriter } from './shard-writer';

export interface SkippedFile {
  path: string;
  reason: string;
}

/** One shard of a corpus: the unit a work item carries, and the unit the in-process path loops over. */
export interface ShardJob {
  /** Real corpus directory the entry paths are relative to. */
  root: string;
  /** Artifact key prefix of the version's features (see featuresPrefix). */
  prefix: string;
  shardIndex: number;
  entries: readonly ManifestEntry[];
}

export interface ShardResult {
  utterances: NewUtterance[];
  /** Files that failed to decode or were too short, with the detail that explains it. */
  skipped: SkippedFile[];
}

export interface ShardDeps {
  artifacts: ArtifactStore;
  pool: FeaturePool;
  minDurationSeconds: number;
}

/** Where a dataset version's shards live: `features/<corpus>/<version>`. */
export function featuresPrefix(corpusName: string, version: string): string {
  return `features/${corpusName.replace(/[^A-Za-z0-9._-]+/g, '_')}/${version}`;
}

/** Consecutive shards of `size` entries (the last one shorter). */
export function splitIntoShards<T>(items: readonly T[], size: number): T[][] {
  const shards: T[][] = [];
  for (let start = 0; start < items.length; start += size) shards.push(items.slice(start, start + size));
  return shards;
}

/**
 * Extracts the features of one shard's entries on the worker pool and writes them as one file per feature kind
 * (`<prefix>/<kind>/shard-<index>.f32`). Features are appended in entry order, not completion order, so the file is
 * the same bytes whoever computes it: a replica that redoes an item after a lost lease rewrites identical data.
 */
export async function extractShard(job: ShardJob, deps: ShardDeps, onFile: () => void = () => {}): Promise<ShardResult> {
  const results: FeatureJobResult[] = new Array(job.entries.length);
  await forEachBounded(job.entries.length, deps.pool.threads * 2, async (i) => {
    const entry = job.entries[i]!;
    const path = join(job.root, entry.path);
    results[i] = await deps.pool.run({ path, root: job.root, minDurationSeconds: deps.minDurationSeconds, kinds: ['log-mel', 'tacn'] });
    onFile();
  });

  const size = Math.max(1, job.entries.length);
  const writers = {
    logMel: new ShardWriter(deps.artifacts, `${job.prefix}/log-mel`, size, job.shardIndex),
    tacn: new ShardWriter(deps.artifacts, `${job.prefix}/tacn`, size, job.shardIndex),
  };
  const utterances: NewUtterance[] = [];
  const skipped: SkippedFile[] = [];
  job.entries.forEach((entry, i) => {
    const result = results[i]!;
    if (!result.ok) {
      skipped.push({ path: entry.path, reason: `${result.reason}: ${result.message}` });
      return;
    }
    const features = {
      'log-mel': writers.logMel.add(result.logMel!.data),
      tacn: writers.tacn.add(result.tacn!.data),
      dims: { 'log-mel': result.logMel!.dims, tacn: [result.tacn!.frames, result.tacn!.bins] },
    };
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
  });
  await writers.logMel.close();
  await writers.tacn.close();
  return { utterances, skipped };
}

/** fn(0..count-1) with at most `limit` calls in flight: memory stays flat whatever the shard size. */
async function forEachBounded(count: number, limit: number, fn: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, count) }, async () => {
    while (next < count) await fn(next++);
  });
  await Promise.all(lanes);
}
