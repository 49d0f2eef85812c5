import { loadSerProto, SER_SERVICE_NAMES, type FeatureServiceHandlers } from '@ser/contracts';
import { unary } from '@ser/grpc-kit';
import { serveGrpc, type Platform, type RunningService } from '@ser/runtime';
import { getDataset, listDatasets } from './handlers/datasets';
import { extractFeatures } from './handlers/extract-features';

/**
 * FeatureService: features of uploaded audio and the registered datasets. Corpus ingestion
 * (IngestDataset, ReadFeatures, the corpus.published consumer) is not implemented yet and answers UNIMPLEMENTED.
 */
export async function startFeaturesService(platform: Platform, opts: { port?: number } = {}): Promise<RunningService> {
  const { store, logger } = platform;
  const handlers: Partial<FeatureServiceHandlers> = {
    ExtractFeatures: unary((req) => extractFeatures(req), logger),
    ListDatasets: unary((req) => listDatasets(store, req), logger),
    GetDataset: unary((req) => getDataset(store, req), logger),
  };
  return serveGrpc(platform, {
    name: 'features',
    port: opts.port ?? platform.config.ports.features,
    services: [
      {
        name: SER_SERVICE_NAMES.features,
        definition: loadSerProto().grpc.ser.v1.FeatureService.service,
        implementation: handlers as never,
      },
    ],
  });
}
