import { join } from 'node:path';
import { loadSerProto, SER_SERVICE_NAMES, type FeatureServiceHandlers } from '@ser/contracts';
import { serverStream, unary } from '@ser/grpc-kit';
import { serveGrpc, type Platform, type RunningService } from '@ser/runtime';
import { getDataset, listDatasets } from './handlers/datasets';
import { extractFeatures } from './handlers/extract-features';
import { ingestDataset } from './handlers/ingest-dataset';
import { readFeatures } from './handlers/read-features';
import { CorpusPublishedConsumer } from './ingest/corpus-consumer';
import { Ingestor } from './ingest/ingestor';

/**
 * FeatureService: features of uploaded audio, corpus ingestion (over gRPC and from `ser.corpus.published`
 * events), feature reads, and the registered datasets.
 */
export async function startFeaturesService(platform: Platform, opts: { port?: number } = {}): Promise<RunningService> {
  const { store, artifacts, bus, logger, config } = platform;
  const log = logger.child({ service: 'features' });
  const corpusRoots = config.features.corpusRoots.length ? config.features.corpusRoots : [join(config.dataDir, 'corpora')];
  const { workers, minDurationSeconds, shardSize } = config.features;
  const ingestor = new Ingestor({ store, artifacts, bus, logger: log, corpusRoots, workers, minDurationSeconds, shardSize });
  const handlers: FeatureServiceHandlers = {
    ExtractFeatures: unary((req) => extractFeatures(req), log),
    IngestDataset: serverStream((req) => ingestDataset(ingestor, req), log),
    ReadFeatures: serverStream((req) => readFeatures(store, artifacts, req), log),
    ListDatasets: unary((req) => listDatasets(store, req), log),
    GetDataset: unary((req) => getDataset(store, req), log),
  };
  const consumer = CorpusPublishedConsumer.fromConfig({ bus, store, ingestor, logger: log });
  await consumer.start();
  const server = await serveGrpc(platform, {
    name: 'features',
    port: opts.port ?? config.ports.features,
    services: [{ name: SER_SERVICE_NAMES.features, definition: loadSerProto().grpc.ser.v1.FeatureService.service, implementation: handlers as never }],
  });
  // A consumer that dies on its own (broker gone for good) must not leave a half-working service behind.
  consumer.done.catch((err: Error) => {
    log.fatal({ err }, 'corpus consumer died; exiting');
    process.exit(1);
  });
  return {
    ...server,
    async stop() {
      await server.stop();
      await consumer.shutdown();
      await ingestor.close();
    },
  };
}
