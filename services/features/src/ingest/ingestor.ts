import { resolve } from 'node:path';
import type { ArtifactStore } from '@ser/artifacts';
import type { CorpusFormat, EventBus } from '@ser/events';
import type { Logger } from '@ser/logging';
import type { MetadataStore } from '@ser/store';
import type { FeaturesMetrics } from '../features-metrics';
import { resolveCorpusLocation } from './corpus-location';
import { announceFeaturesReady } from './dataset-registration';
import { FeaturePool } from './feature-pool';
import { ingestCorpus, type IngestProgress, type IngestResult } from './ingest-corpus';

export interface IngestCommand {
  corpusName: string;
  format: CorpusFormat;
  uri: string;
  labelMap?: Record<string, string>;
}

export interface IngestorOptions {
  store: MetadataStore;
  artifacts: ArtifactStore;
  bus: EventBus;
  logger: Logger;
  corpusRoots: string[];
  workers: number;
  minDurationSeconds: number;
  shardSize: number;
  /** Ingestion counters; also counted for the work items this replica computes. */
  metrics?: FeaturesMetrics;
}

/**
 * Ingestion in this process (gRPC IngestDataset, which streams progress): it confines the location, runs the
 * pipeline on the shared worker pool, and announces a new version with features.ready. A corpus.published event
 * is split into work items for every replica instead (ingestion-planner.ts), using the same pool and checks.
 */
export class Ingestor {
  /** Shared by the in-process path and the work items this replica computes (work-consumer.ts). */
  readonly pool: FeaturePool;

  constructor(readonly opts: IngestorOptions) {
    this.pool = new FeaturePool(opts.workers);
  }

  /** Throws the error a caller should see for a location it may not use. */
  validate(cmd: IngestCommand): string {
    return resolveCorpusLocation(cmd.uri, this.opts.corpusRoots.map((r) => resolve(r)));
  }

  async ingest(cmd: IngestCommand, onProgress?: (p: IngestProgress) => void): Promise<IngestResult> {
    const root = this.validate(cmd);
    const log = this.opts.logger.child({ corpus: cmd.corpusName, format: cmd.format });
    log.info({ root }, 'ingestion started');
    const result = await ingestCorpus(
      { corpusName: cmd.corpusName, format: cmd.format, root, sourceUri: cmd.uri, labelMap: cmd.labelMap },
      { store: this.opts.store, artifacts: this.opts.artifacts, pool: this.pool, minDurationSeconds: this.opts.minDurationSeconds, shardSize: this.opts.shardSize, metrics: this.opts.metrics },
      onProgress,
    );
    if (result.created) await announceFeaturesReady(this.opts.bus, result.version, result.report);
    log.info({ version: result.version.version, created: result.created, utterances: result.report.utterancesIngested, skipped: result.report.skipped.length }, 'ingestion finished');
    return result;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
