import { resolve } from 'node:path';
import { isS3Uri, type ArtifactStore } from '@ser/artifacts';
import type { CorpusFormat, EventBus } from '@ser/events';
import { DomainError } from '@ser/grpc-kit';
import type { Logger } from '@ser/logging';
import type { MetadataStore } from '@ser/store';
import type { FeaturesMetrics } from '../features-metrics';
import { resolveCorpusLocation } from './corpus-location';
import { announceFeaturesReady } from './dataset-registration';
import { FeaturePool } from './feature-pool';
import { assertS3CorpusAllowed, fetchS3Corpus, s3CorpusRoot, type S3CorpusOptions } from './s3-corpus';
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
  /** Folders, and s3://bucket/prefix locations, corpora must lie under. */
  corpusRoots: string[];
  /** How s3:// corpora are reached and where they are copied to; without it s3:// locations are refused. */
  s3Corpora?: S3CorpusOptions;
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

  /** Throws the error a caller should see for a location it may not use; returns the local root it will be read from. */
  validate(cmd: IngestCommand): string {
    const { corpusRoots, s3Corpora } = this.opts;
    if (isS3Uri(cmd.uri)) {
      if (!s3Corpora) throw new DomainError('FAILED_PRECONDITION', 'this features service reads no s3:// corpora');
      assertS3CorpusAllowed(cmd.uri, corpusRoots);
      return s3CorpusRoot(s3Corpora.cacheDir, cmd.uri);
    }
    return resolveCorpusLocation(
      cmd.uri,
      corpusRoots.filter((r) => !isS3Uri(r)).map((r) => resolve(r)),
    );
  }

  /** validate(), then the corpus on local disk: an s3:// corpus is copied into its cache folder first. */
  async prepare(cmd: IngestCommand): Promise<string> {
    const root = this.validate(cmd);
    return isS3Uri(cmd.uri) ? fetchS3Corpus(this.opts.s3Corpora!, cmd.uri) : root;
  }

  /** The root a work item reads its files from: for an s3:// corpus, this replica's copy of just those files. */
  async prepareFiles(sourceUri: string, plannedRoot: string, paths: string[]): Promise<string> {
    if (!isS3Uri(sourceUri)) return plannedRoot;
    if (!this.opts.s3Corpora) throw new DomainError('FAILED_PRECONDITION', 'this features service reads no s3:// corpora');
    return fetchS3Corpus(this.opts.s3Corpora, sourceUri, paths);
  }

  async ingest(cmd: IngestCommand, onProgress?: (p: IngestProgress) => void): Promise<IngestResult> {
    const root = await this.prepare(cmd);
    const log = this.opts.logger.child({ corpus: cmd.corpusName, format: cmd.format });
    log.info({ root }, 'ingestion started');
    const result = await ingestCorpus(
      { corpusName: cmd.corpusName, format: cmd.format, root, sourceUri: cmd.uri, labelMap: cmd.labelMap },
      {
        store: this.opts.store,
        artifacts: this.opts.artifacts,
        pool: this.pool,
        minDurationSeconds: this.opts.minDurationSeconds,
        shardSize: this.opts.shardSize,
        metrics: this.opts.metrics,
      },
      onProgress,
    );
    if (result.created) await announceFeaturesReady(this.opts.bus, result.version, result.report);
    log.info(
      { version: result.version.version, created: result.created, utterances: result.report.utterancesIngested, skipped: result.report.skipped.length },
      'ingestion finished',
    );
    return result;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
