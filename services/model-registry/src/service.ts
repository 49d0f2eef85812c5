import { loadSerProto, SER_SERVICE_NAMES, type ModelRegistryServiceHandlers } from '@ser/contracts';
import { serverStream, unary } from '@ser/grpc-kit';
import { getMetricsRegistry, serveGrpc, type Platform, type RunningService } from '@ser/runtime';
import { keptModelChunks, modelCardOf } from './kept-model-files';
import { exportChunks } from './model-exports';
import { ModelRegistry } from './model-registry';
import { registryMetrics } from './registry-metrics';

/**
 * ModelRegistryService: registered model versions (register a run's kept model, list, get, the one a run kept), aliases (SetModelAlias, which
 * inference follows through the bus), and each version's model card, kept-model files (streamed download) and
 * exports to other runtimes' formats (ONNX, kept after the first).
 */
export async function startModelRegistryService(platform: Platform, opts: { port?: number } = {}): Promise<RunningService> {
  const { store, bus, artifacts, config } = platform;
  const logger = platform.logger.child({ service: 'model-registry' });
  const metrics = registryMetrics(getMetricsRegistry());
  const registry = new ModelRegistry({ store, bus, logger, defaultAlias: config.inference.defaultAlias, metrics });
  const handlers: ModelRegistryServiceHandlers = {
    ListModelVersions: unary((req) => registry.list(req), logger),
    ListModels: unary(async () => ({ models: await registry.listModels() }), logger),
    BatchGetModelVersions: unary(async (req) => ({ modelVersions: await registry.getMany(req.ids) }), logger),
    ListModelAliases: unary(async (req) => ({ aliases: await registry.listAliases(req.name) }), logger),
    GetModelVersion: unary(async (req) => ({ modelVersion: await registry.get(req) }), logger),
    GetRunModelVersion: unary(async (req) => ({ modelVersion: await registry.getByRun(req.runId) }), logger),
    RegisterModelVersion: unary((req) => registry.register(req), logger),
    SetModelAlias: unary(async (req) => ({ modelVersion: await registry.setAlias(req) }), logger),
    GetModelCard: unary(async (req) => {
      const version = await registry.resolve(req.model);
      return { modelVersion: await registry.toProto(version), ...(await modelCardOf(artifacts, version)) };
    }, logger),
    DownloadModelArtifact: serverStream(async function* (req) {
      yield* keptModelChunks(artifacts, await registry.resolve(req.model));
    }, logger),
    ExportModelVersion: serverStream(async function* (req) {
      yield* exportChunks(artifacts, await registry.resolve(req.model), req.format, logger);
    }, logger),
  };
  return serveGrpc(platform, {
    name: 'model-registry',
    port: opts.port ?? config.ports.modelRegistry,
    services: [
      { name: SER_SERVICE_NAMES.modelRegistry, definition: loadSerProto().grpc.ser.v1.ModelRegistryService.service, implementation: handlers as never },
    ],
  });
}
