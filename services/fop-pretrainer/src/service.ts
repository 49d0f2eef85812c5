import { resolve } from 'node:path';
import { loadSerProto, SER_SERVICE_NAMES, type FeatureServiceClient, type FopPretrainServiceHandlers } from '@ser/contracts';
import { closeClient, createClient, serverStream, unary } from '@ser/grpc-kit';
import { runToProto } from '@ser/runs';
import { serveGrpc, type Platform, type RunningService } from '@ser/runtime';
import { FopRunManager } from './run/run-manager';

/**
 * FopPretrainService: FOP pre-training runs — start, watch (streamed progress), cancel, get, list — executed in a
 * worker thread with a checkpoint each epoch; runs interrupted by a crash resume from their last checkpoint.
 */
export async function startFopPretrainerService(platform: Platform, opts: { port?: number; featuresAddress?: string } = {}): Promise<RunningService> {
  const { store, bus, artifacts, config } = platform;
  const logger = platform.logger.child({ service: 'fop-pretrainer' });
  const proto = loadSerProto().grpc.ser.v1;
  const features = createClient<FeatureServiceClient>(proto.FeatureService, opts.featuresAddress ?? config.addresses.features, { deadlineMs: config.grpcDeadlineMs });
  const runs = new FopRunManager({
    store,
    bus,
    artifacts,
    artifactsRoot: resolve(config.dataDir, 'artifacts'),
    features,
    logger,
    instanceId: `${config.instanceId}/fop-pretrainer`,
  });
  const handlers: FopPretrainServiceHandlers = {
    StartFopPretrainRun: unary(async (req) => ({ run: runToProto(await runs.start(req.configJson, req.datasetVersionIds, req.displayName || undefined)) }), logger),
    WatchFopPretrainRun: serverStream((req) => runs.watch(req.runId), logger),
    GetFopPretrainRun: unary(async (req) => ({ run: await runs.get(req.runId) }), logger),
    ListFopPretrainRuns: unary((req) => runs.list(req.page), logger),
    CancelFopPretrainRun: unary(async (req) => ({ run: await runs.cancel(req.runId) }), logger),
  };
  const server = await serveGrpc(platform, {
    name: 'fop-pretrainer',
    port: opts.port ?? config.ports.fopPretrainer,
    services: [{ name: SER_SERVICE_NAMES.fopPretrain, definition: proto.FopPretrainService.service, implementation: handlers as never }],
  });
  await runs.recover();
  return {
    ...server,
    async stop() {
      await server.stop();
      await runs.stop();
      closeClient(features);
    },
  };
}
