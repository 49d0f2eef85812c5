import { startClassifierTrainerService } from '@ser/classifier-trainer';
import { startFeaturesService } from '@ser/features-service';
import { startFopPretrainerService } from '@ser/fop-pretrainer';
import { createGateway, loadTrustedDocuments } from '@ser/gateway';
import { startInferenceService } from '@ser/inference';
import { startModelRegistryService } from '@ser/model-registry';
import { serviceCaller, type Platform, type RunningService, type Stoppable } from '@ser/runtime';
import { SERVICE_NAMES, type ServiceName } from '@ser/config';
import { startVqvaePretrainerService } from '@ser/vqvae-pretrainer';

export interface RunningSystem {
  gatewayUrl: string;
  /** Platform service name -> host:port. */
  addresses: Record<string, string>;
  /** The same addresses keyed by config service name (fopPretrainer, ...), as clients configure them. */
  serviceAddresses: Record<ServiceName, string>;
  /** Everything started, in start order (stop in reverse). */
  stoppables: Stoppable[];
}

/**
 * Every service in this process, each on its own gRPC port, sharing one store and one bus; the gateway
 * reaches them over gRPC exactly as it would in a cluster.
 */
export async function startAll(platform: Platform, opts: { consoleDir?: string } = {}): Promise<RunningSystem> {
  const started: Stoppable[] = [];
  const services: RunningService[] = [];
  // Bound addresses, not configured ones: with port 0 (tests) only the started server knows its port.
  const serviceAddresses = {} as Record<ServiceName, string>;
  try {
    const starters: Record<ServiceName, (p: Platform) => Promise<RunningService>> = {
      features: startFeaturesService,
      // Trainers read features over gRPC from the features service started just before them.
      fopPretrainer: (p) => startFopPretrainerService(p, { featuresAddress: serviceAddresses.features }),
      vqvaePretrainer: (p) => startVqvaePretrainerService(p, { featuresAddress: serviceAddresses.features }),
      classifierTrainer: (p) =>
        startClassifierTrainerService(p, { featuresAddress: serviceAddresses.features, modelRegistryAddress: serviceAddresses.modelRegistry }),
      // BatchPredict reads stored features from the features service; versions and aliases come from the registry.
      inference: (p) => startInferenceService(p, { featuresAddress: serviceAddresses.features, modelRegistryAddress: serviceAddresses.modelRegistry }),
      modelRegistry: startModelRegistryService,
    };
    // The registry starts before inference, which looks registered versions up there (its bound port).
    const startOrder: ServiceName[] = ['modelRegistry', ...SERVICE_NAMES.filter((n) => n !== 'modelRegistry')];
    for (const name of startOrder) {
      const service = await starters[name](platform);
      started.push(service);
      services.push(service);
      serviceAddresses[name] = service.address;
    }
    const gateway = await createGateway({
      port: platform.config.ports.gateway,
      host: platform.config.grpcHost,
      store: platform.store,
      serviceAddresses,
      bus: platform.bus,
      anonymousRead: platform.config.gateway.anonymousRead,
      defaultModelName: platform.config.inference.defaultModelName,
      corsOrigins: platform.config.gateway.corsOrigins,
      introspection: platform.config.gateway.introspection,
      maxBodyBytes: platform.config.gateway.maxBodyBytes,
      // The safelist, as the gateway's own main reads it (SER_GATEWAY_TRUSTED_DOCUMENTS); the console's manifest is
      // services/console/src/gql/persisted-documents.json, and the console sends exactly those documents.
      trustedDocuments: platform.config.gateway.trustedDocuments ? loadTrustedDocuments(platform.config.gateway.trustedDocuments) : undefined,
      // An upload the inference service would refuse as too large is refused here, as in the gateway's own main.
      uploads: { maxFileBytes: platform.config.inference.maxAudioBytes },
      grpcDeadlineMs: platform.config.grpcDeadlineMs,
      serviceToken: serviceCaller(platform.config, 'gateway'),
      logger: platform.logger.child({ service: 'gateway' }),
      // npm start serves the web console at `/` (its built files; built by main.ts).
      staticDir: opts.consoleDir,
    });
    started.push(gateway);
    return {
      gatewayUrl: gateway.url,
      addresses: Object.fromEntries(services.map((s) => [s.name, s.address])),
      serviceAddresses,
      stoppables: started,
    };
  } catch (err) {
    for (const s of started.reverse()) await s.stop().catch(() => {});
    throw err;
  }
}
