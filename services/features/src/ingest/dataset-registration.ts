import { classCounts, speakerCounts, type ManifestEntry } from '@ser/corpora';
import { TOPICS, type EventBus } from '@ser/events';
import type { DatasetVersion, NewUtterance, Repositories } from '@ser/store';
import type { SkippedFile } from './shard-extraction';

export interface IngestionReport {
  filesSeen: number;
  utterancesIngested: number;
  skipped: SkippedFile[];
  elapsedMs: number;
}

export interface VersionRecord {
  corpusName: string;
  /** Manifest content hash. */
  version: string;
  format: string;
  sourceUri: string;
  labelMap?: Record<string, string>;
  /** Every manifest entry; class and speaker counts are taken over the ones with utterances. */
  entries: readonly ManifestEntry[];
  utterances: readonly NewUtterance[];
  report: IngestionReport;
}

/**
 * Registers the dataset version and its utterances (call inside a transaction so both commit together).
 * created=false when this content was registered before: nothing is added then.
 */
export async function registerDatasetVersion(tx: Repositories, rec: VersionRecord): Promise<{ version: DatasetVersion; created: boolean }> {
  const kept = new Set(rec.utterances.map((u) => u.utteranceId));
  const good = { entries: rec.entries.filter((e) => kept.has(e.utteranceId)) };
  const registered = await tx.datasets.registerVersion({
    datasetName: rec.corpusName,
    version: rec.version,
    format: rec.format,
    sourceUri: rec.sourceUri,
    utteranceCount: rec.utterances.length,
    labelMap: rec.labelMap ?? {},
    classCounts: classCounts(good),
    speakerCounts: speakerCounts(good),
    ingestionReport: rec.report as never,
  });
  if (registered.created) await tx.datasets.addUtterances(registered.version.id, rec.utterances);
  return registered;
}

/**
 * Announces a new version. `eventId` makes a repeated announcement (a replica that died between registering and
 * publishing, redone by another) the same event, which consumers dedupe by envelope id.
 */
export async function announceFeaturesReady(bus: EventBus, version: DatasetVersion, report: IngestionReport, eventId?: string): Promise<void> {
  await bus.publish(
    TOPICS.featuresReady,
    {
      datasetId: version.id,
      datasetVersion: version.version,
      corpusName: version.datasetName,
      utteranceCount: report.utterancesIngested,
      skippedCount: report.skipped.length,
    },
    { key: version.datasetName, subject: version.id, id: eventId },
  );
}
