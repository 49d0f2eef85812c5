import { resolve } from 'node:path';
import { loadSerProto, SER_SERVICE_NAMES, type ClassifierTrainingServiceHandlers, type FeatureServiceClient } from '@ser/contracts';
import { closeClient, createClient, serverStream, unary } from '@ser/grpc-kit';
import { runToProto } from '@ser/runs';
import { serveGrpc, type Platform, type RunningService } from '@ser/runtime';
import { ClassifierRunManager } from './run/run-manager';

/**
 * ClassifierTrainingService: classifier runs (FOP fine-tuning) — start, watch (streamed progress), cancel, get,
 * list, evaluation — executed in a worker thread over the run's protocol folds and repeats. The model registry
 * RPCs are not implemented yet and answer UNIMPLEMENTED (grpc-js's default).
 */
export async function startClassifierTrainerService(platform: Platform, opts: { port?: number; featuresAddress?: string } = {}): Promise<RunningService> {
  const { store, bus, artifacts, config } = platform;
  const logger = platform.logger.child({ service: 'classifier-trainer' });
  const proto = loadSerProto().grpc.ser.v1;
  const features = createClient<FeatureServiceClient>(proto.FeatureService, opts.featuresAddress ?? config.addresses.features, { deadlineMs: config.grpcDeadlineMs });
  const runs = new ClassifierRunManager({
    store,
    bus,
    artifacts,
    artifactsRoot: resolve(config.dataDir, 'artifacts'),
    features,
    logger,
    instanceId: `${config.instanceId}/classifier-trainer`,
  });
  const handlers: Partial<ClassifierTrainingServiceHandlers> = {
    StartClassifierRun: unary(
      async (req) => ({ run: runToProto(await runs.start({ configJson: req.configJson, datasetVersionIds: req.datasetVersionIds, checkpointId: req.checkpointId, displayName: req.displayName || undefined })) }),
      logger,
    ),
    WatchClassifierRun: serverStream((req) => runs.watch(req.runId), logger),
    GetClassifierRun: unary((req) => runs.getWithCheckpoints(req.runId), logger),
    ListClassifierRuns: unary((req) => runs.list(req.page), logger),
    CancelClassifierRun: unary(async (req) => ({ run: await runs.cancel(req.runId) }), logger),
    GetClassifierRunEvaluation: unary(async (req) => ({ evaluation: await runs.evaluation(req.runId) }), logger),
  };
  const server = await serveGrpc(platform, {
    name: 'classifier-trainer',
    port: opts.port ?? config.ports.classifierTrainer,
    services: [{ name: SER_SERVICE_NAMES.classifierTraining, definition: proto.ClassifierTrainingService.service, implementation: handlers as never }],
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
