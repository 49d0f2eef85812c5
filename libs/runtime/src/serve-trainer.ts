import type { ServiceDefinition } from '@grpc/grpc-js';
import { loadSerProto, type FeatureServiceClient } from '@ser/contracts';
import { closeClient, createClient } from '@ser/grpc-kit';
import type { Logger } from '@ser/logging';
import { trainingMetrics, type TrainingMetrics } from '@ser/runs';
import { getMetricsRegistry } from './metrics';
import type { Platform } from './platform';
import type { RunningService } from './running-service';
import { serveGrpc } from './serve-grpc';
import { serviceCaller, type ServiceCallerName } from './service-auth';

/** What a trainer's run manager offers the service around it. */
export interface TrainerRuns {
  /** Queues this replica's queued and interrupted runs again. */
  recover(): Promise<void>;
  /** Stops the workers; runs stay where they were for the next recover(). */
  stop(): Promise<void>;
}

export interface TrainerParts<R extends TrainerRuns> {
  runs: R;
  handlers: object;
}

/**
 * The shape every trainer (FOP and VQ-VAE pre-training, classifier runs) shares: a features client, a run manager
 * and its handlers built on them, served over gRPC; interrupted runs are recovered once serving, and stop closes
 * the server, then the runs, then the client.
 */
export async function serveTrainer<R extends TrainerRuns>(
  platform: Platform,
  opts: {
    name: ServiceCallerName;
    port: number;
    /** Where the features service is; absent: the configured address. */
    featuresAddress?: string;
    serviceName: string;
    definition: ServiceDefinition;
    /** `metrics`: the process's training gauges, for the run manager to set from its runs' progress. */
    build(context: { features: FeatureServiceClient; logger: Logger; metrics: TrainingMetrics }): TrainerParts<R>;
  },
): Promise<RunningService> {
  const { config } = platform;
  const logger = platform.logger.child({ service: opts.name });
  const proto = loadSerProto().grpc.ser.v1;
  const features = createClient<FeatureServiceClient>(proto.FeatureService, opts.featuresAddress ?? config.addresses.features, {
    deadlineMs: config.grpcDeadlineMs,
    serviceToken: serviceCaller(config, opts.name),
  });
  let server: RunningService | undefined;
  let runs: R | undefined;
  try {
    const parts = opts.build({ features, logger, metrics: trainingMetrics(getMetricsRegistry()) });
    runs = parts.runs;
    server = await serveGrpc(platform, {
      name: opts.name,
      port: opts.port,
      services: [{ name: opts.serviceName, definition: opts.definition, implementation: parts.handlers as never }],
    });
    await runs.recover();
  } catch (err) {
    await server?.stop();
    await runs?.stop();
    closeClient(features);
    throw err;
  }
  const running = server;
  const manager = runs;
  return {
    ...running,
    async stop() {
      await running.stop();
      await manager.stop();
      closeClient(features);
    },
  };
}
