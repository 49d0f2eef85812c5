import { loadSerProto, SER_SERVICE_NAMES, type FeatureServiceClient, type InferenceServiceHandlers, type ModelRegistryServiceClient } from '@ser/contracts';
import type { PlatformConfig } from '@ser/config';
import { bidiStream, closeClient, createClient, serverStream, unary } from '@ser/grpc-kit';
import { getMetricsRegistry, serveGrpc, serviceCaller, type Platform, type RunningService } from '@ser/runtime';
import { initTfjs } from '@ser/tfjs-backend';
import { batchPredict } from './handlers/batch-predict';
import { modelStatus } from './handlers/model-status';
import { predictSamples } from './handlers/prediction';
import { predictStream } from './handlers/predict-stream';
import { inferenceMetrics } from './inference-metrics';
import { ModelHost } from './models/model-host';
import { registeredVersionsOver } from './models/registered-versions';
import { startFrontEndThreads } from './workers/front-end-threads';
import { startForwardThreads } from './workers/pooled-model';

export type InferenceSettings = PlatformConfig['inference'];

export interface InferenceServiceOptions {
  port?: number;
  /** Where BatchPredict reads stored features; the config's features address when absent. */
  featuresAddress?: string;
  /** Where registered versions and aliases are looked up (ModelRegistryService); the config's address when absent. */
  modelRegistryAddress?: string;
  /** Overrides of the config's inference section (tests, benchmarks). */
  inference?: Partial<InferenceSettings>;
}

/**
 * InferenceService: predictions from registered model versions — one clip (Predict), live audio in windows
 * (PredictStream), a whole dataset version (BatchPredict) — with concurrent requests batched into shared forward
 * passes, aliases followed without downtime, and every prediction recorded unless the client opts out.
 */
export async function startInferenceService(platform: Platform, opts: InferenceServiceOptions = {}): Promise<RunningService> {
  const { store, bus, artifacts, config } = platform;
  const settings: InferenceSettings = { ...config.inference, ...opts.inference };
  const logger = platform.logger.child({ service: 'inference' });
  const { kind: backend } = await initTfjs({ logger });
  // Both kinds of thread start at once (each compiles its module and starts up on its own); undefined: in this thread.
  const threads = await Promise.allSettled([
    startForwardThreads(settings.forwardWorkers, backend, logger),
    startFrontEndThreads(settings.frontEndWorkers, logger), // decoding and features, off the event loop
  ]);
  if (threads[0].status === 'rejected' || threads[1].status === 'rejected') {
    if (threads[0].status === 'fulfilled') await threads[0].value?.pool.close();
    if (threads[1].status === 'fulfilled') await threads[1].value.close();
    throw threads[0].status === 'rejected' ? threads[0].reason : (threads[1] as PromiseRejectedResult).reason;
  }
  const [forwardThreads, frontEnd] = [threads[0].value, threads[1].value];
  const proto = loadSerProto().grpc.ser.v1;
  const clientOptions = { deadlineMs: config.grpcDeadlineMs, serviceToken: serviceCaller(config, 'inference') };
  const features = createClient<FeatureServiceClient>(proto.FeatureService, opts.featuresAddress ?? config.addresses.features, clientOptions);
  const modelRegistry = createClient<ModelRegistryServiceClient>(
    proto.ModelRegistryService,
    opts.modelRegistryAddress ?? config.addresses.modelRegistry,
    clientOptions,
  );
  const registry = registeredVersionsOver(modelRegistry);
  const host = new ModelHost({
    registry,
    artifacts,
    bus,
    logger,
    instanceId: config.instanceId,
    ...settings,
    ...forwardThreads?.hostOptions,
    metrics: inferenceMetrics(getMetricsRegistry()),
  });
  await host.start();
  const deps = { host, store, frontEnd };
  const handlers: InferenceServiceHandlers = {
    Predict: unary(async (req) => {
      const startedAt = performance.now();
      const { samples, inputHash } = await frontEnd.decode(req.audio, settings);
      return { prediction: await predictSamples(deps, req.model, samples, { inputHash, source: 'unary', optOut: req.recordOptOut, startedAt }) };
    }, logger),
    PredictStream: bidiStream((requests) => predictStream({ ...deps, settings }, requests), logger),
    BatchPredict: serverStream((req) => batchPredict({ ...deps, features, maxBatchSize: settings.maxBatchSize }, req), logger),
    GetModelStatus: unary((req) => modelStatus(host, req), logger),
  };
  const server = await serveGrpc(platform, {
    name: 'inference',
    port: opts.port ?? config.ports.inference,
    services: [{ name: SER_SERVICE_NAMES.inference, definition: proto.InferenceService.service, implementation: handlers as never }],
  });
  return {
    ...server,
    async stop() {
      await server.stop();
      await host.stop();
      await forwardThreads?.pool.close();
      await frontEnd.close();
      closeClient(features);
      closeClient(modelRegistry);
    },
  };
}
