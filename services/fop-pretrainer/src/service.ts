import { loadSerProto, SER_SERVICE_NAMES, type FopPretrainServiceHandlers } from '@ser/contracts';
import { serverStream, unary } from '@ser/grpc-kit';
import { runToProto } from '@ser/runs';
import { serveTrainer, type Platform, type RunningService } from '@ser/runtime';
import { FopRunManager } from './run/run-manager';

/**
 * FopPretrainService: FOP pre-training runs — start, watch (streamed progress), cancel, get, list — executed in a
 * worker thread with a checkpoint each epoch; runs interrupted by a crash resume from their last checkpoint.
 */
export function startFopPretrainerService(platform: Platform, opts: { port?: number; featuresAddress?: string } = {}): Promise<RunningService> {
  const { store, bus, artifacts, artifactStore, config } = platform;
  return serveTrainer(platform, {
    name: 'fop-pretrainer',
    port: opts.port ?? config.ports.fopPretrainer,
    featuresAddress: opts.featuresAddress,
    serviceName: SER_SERVICE_NAMES.fopPretrain,
    definition: loadSerProto().grpc.ser.v1.FopPretrainService.service,
    build({ features, logger, metrics }) {
      const runs = new FopRunManager({ store, bus, artifacts, artifactStore, features, logger, metrics, instanceId: `${config.instanceId}/fop-pretrainer` });
      const handlers: FopPretrainServiceHandlers = {
        StartFopPretrainRun: unary(
          async (req) => ({ run: runToProto(await runs.start(req.configJson, req.datasetVersionIds, req.displayName || undefined)) }),
          logger,
        ),
        WatchFopPretrainRun: serverStream((req) => runs.watch(req.runId), logger),
        GetFopPretrainRun: unary(async (req) => ({ run: await runs.get(req.runId) }), logger),
        ListFopPretrainRuns: unary((req) => runs.list(req.page), logger),
        CancelFopPretrainRun: unary(async (req) => ({ run: await runs.cancel(req.runId) }), logger),
      };
      return { runs, handlers };
    },
  });
}
