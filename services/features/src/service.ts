import { join } from 'node:path';
import { createS3Client } from '@ser/artifacts';
import { loadSerProto, SER_SERVICE_NAMES, type FeatureServiceHandlers } from '@ser/contracts';
import { serverStream, unary } from '@ser/grpc-kit';
import { getMetricsRegistry, serveGrpc, type Platform, type RunningService } from '@ser/runtime';
import { featuresMetrics } from './features-metrics';
import { getDataset, listDatasets } from './handlers/datasets';
import { extractFeatures } from './handlers/extract-features';
import { ingestDataset } from './handlers/ingest-dataset';
import { readFeatures } from './handlers/read-features';
import { readUtteranceAudio } from './handlers/read-utterance-audio';
import { CorpusPublishedConsumer } from './ingest/corpus-consumer';
import { IngestionPlanner } from './ingest/ingestion-planner';
import { Ingestor } from './ingest/ingestor';
import { PlanFinalizer } from './ingest/plan-finalizer';
import { FeatureWorkConsumer } from './ingest/work-consumer';

/**
 * FeatureService: features of uploaded audio, corpus ingestion (over gRPC and from `ser.corpus.published`
 * events), feature reads, the registered datasets and their utterances' audio.
 */
export async function startFeaturesService(platform: Platform, opts: { port?: number; workLeaseMs?: number } = {}): Promise<RunningService> {
  const { store, artifacts, bus, logger, config } = platform;
  const log = logger.child({ service: 'features' });
  const corpusRoots = config.features.corpusRoots.length ? config.features.corpusRoots : [join(config.dataDir, 'corpora')];
  const { workers, minDurationSeconds, shardSize } = config.features;
  const metrics = featuresMetrics(getMetricsRegistry());
  // s3:// corpora are read through the same S3 connection settings as the artifact store.
  const s3Corpora = { client: createS3Client(config.artifacts.s3), cacheDir: join(config.dataDir, 'corpus-cache') };
  const ingestor = new Ingestor({ store, artifacts, bus, logger: log, corpusRoots, s3Corpora, workers, minDurationSeconds, shardSize, metrics });
  const handlers: FeatureServiceHandlers = {
    ExtractFeatures: unary((req) => extractFeatures(req), log),
    IngestDataset: serverStream((req) => ingestDataset(ingestor, req), log),
    ReadFeatures: serverStream((req) => readFeatures(store, artifacts, req), log),
    ListDatasets: unary((req) => listDatasets(store, req), log),
    GetDataset: unary((req) => getDataset(store, req), log),
    // Read from the corpus sources ingestion reads, under the same roots.
    ReadUtteranceAudio: serverStream((req) => readUtteranceAudio(store, ingestor.opts, req), log),
  };
  // corpus.published is planned into per-shard work items that every replica's work consumer shares.
  const finalizer = new PlanFinalizer(store, bus, log);
  const planner = new IngestionPlanner({ store, bus, ingestor, finalizer, shardSize });
  const worker = FeatureWorkConsumer.fromConfig({
    bus,
    store,
    ingestor,
    finalizer,
    logger: log,
    instanceId: config.instanceId,
    leaseMs: opts.workLeaseMs ?? config.features.workLeaseMs,
  });
  await worker.start();
  const consumer = CorpusPublishedConsumer.fromConfig({ bus, store, ingestor, planner, logger: log });
  await consumer.start();
  const server = await serveGrpc(platform, {
    name: 'features',
    port: opts.port ?? config.ports.features,
    services: [{ name: SER_SERVICE_NAMES.features, definition: loadSerProto().grpc.ser.v1.FeatureService.service, implementation: handlers as never }],
  });
  // A consumer that dies on its own (broker gone for good) must not leave a half-working service behind.
  for (const c of [consumer, worker]) {
    c.done.catch((err: Error) => {
      log.fatal({ err }, 'features consumer died; exiting');
      process.exit(1);
    });
  }
  return {
    ...server,
    async stop() {
      await server.stop();
      await consumer.shutdown();
      await worker.shutdown();
      await ingestor.close();
    },
  };
}
