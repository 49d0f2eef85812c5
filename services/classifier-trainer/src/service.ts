import { loadSerProto, SER_SERVICE_NAMES, type ClassifierTrainingServiceHandlers, type ModelRegistryServiceClient } from '@ser/contracts';
import { closeClient, createClient, serverStream, unary } from '@ser/grpc-kit';
import { runToProto } from '@ser/runs';
import { serveTrainer, serviceCaller, type Platform, type RunningService } from '@ser/runtime';
import { withOutputModel } from './registry/run-output-model';
import { ClassifierRunManager } from './run/run-manager';

export interface ClassifierTrainerOptions {
  port?: number;
  featuresAddress?: string;
  /** Where succeeded runs register their kept models (ModelRegistryService); the config's address when absent. */
  modelRegistryAddress?: string;
}

/**
 * ClassifierTrainingService: classifier runs (FOP fine-tuning, hypercolumns, sequence models) — start, watch (streamed progress), cancel, get,
 * list, evaluation, representations — executed in a worker thread over the run's protocol folds and repeats. A run that keeps a model
 * registers it as a version of its model name through ModelRegistryService (services/model-registry), which owns the versions and aliases.
 */
export async function startClassifierTrainerService(platform: Platform, opts: ClassifierTrainerOptions = {}): Promise<RunningService> {
  const { store, bus, artifacts, artifactStore, config } = platform;
  const registry = createClient<ModelRegistryServiceClient>(
    loadSerProto().grpc.ser.v1.ModelRegistryService,
    opts.modelRegistryAddress ?? config.addresses.modelRegistry,
    {
      deadlineMs: config.grpcDeadlineMs,
      serviceToken: serviceCaller(config, 'classifier-trainer'),
    },
  );
  const service = await serveTrainer(platform, {
    name: 'classifier-trainer',
    port: opts.port ?? config.ports.classifierTrainer,
    featuresAddress: opts.featuresAddress,
    serviceName: SER_SERVICE_NAMES.classifierTraining,
    definition: loadSerProto().grpc.ser.v1.ClassifierTrainingService.service,
    build({ features, logger, metrics }) {
      const runs = new ClassifierRunManager({
        store,
        bus,
        artifacts,
        artifactStore,
        features,
        registry,
        logger,
        metrics,
        instanceId: `${config.instanceId}/classifier-trainer`,
      });
      const handlers: Partial<ClassifierTrainingServiceHandlers> = {
        StartClassifierRun: unary(async (req) => {
          // A request naming no model registers under the platform's default (planClassifierRun fills it in).
          const { configJson, datasetVersionIds, checkpointId, modelName } = req;
          const start = {
            configJson,
            datasetVersionIds,
            checkpointId,
            displayName: req.displayName || undefined,
            modelName,
            defaultModelName: config.inference.defaultModelName,
          };
          const run = await runs.start(start);
          return { run: runToProto(run) };
        }, logger),
        WatchClassifierRun: serverStream(async function* (req) {
          for await (const m of runs.watch(req.runId)) yield m.run ? { ...m, run: (await withOutputModel(registry, m.run)).run } : m;
        }, logger),
        GetClassifierRun: unary(async (req) => {
          const { run, checkpoints } = await runs.getWithCheckpoints(req.runId);
          return { ...(await withOutputModel(registry, run)), checkpoints };
        }, logger),
        ListClassifierRuns: unary(async (req) => {
          const listed = await runs.list(req.page);
          return { ...listed, runs: await Promise.all(listed.runs.map(async (r) => (await withOutputModel(registry, r)).run)) };
        }, logger),
        CancelClassifierRun: unary(async (req) => ({ run: await runs.cancel(req.runId) }), logger),
        GetClassifierRunEvaluation: unary(async (req) => ({ evaluation: await runs.evaluation(req.runId) }), logger),
        GetClassifierRunRepresentations: unary((req) => runs.representations(req.runId), logger),
      };
      return { runs, handlers };
    },
  }).catch((err: unknown) => {
    closeClient(registry);
    throw err;
  });
  return {
    ...service,
    async stop() {
      await service.stop();
      closeClient(registry);
    },
  };
}
