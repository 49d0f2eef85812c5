// How `ser model` reaches ModelRegistryService, the owner of model versions and aliases: the running platform's
// registry (--remote, SER_MODEL_REGISTRY_ADDRESS), or one started in this process over the configured store, as
// `npm start` runs it (the embedded default).
import { loadSerProto, type ModelRegistryServiceClient } from '@ser/contracts';
import { closeClient, createClient } from '@ser/grpc-kit';
import { startModelRegistryService } from '@ser/model-registry';
import { openPlatform, serviceCaller } from '@ser/runtime';
import { loadCliConfig } from '../cli-config';
import { CliError } from '../cli-error';

export interface ModelRegistryConnection {
  registry: ModelRegistryServiceClient;
  close(): Promise<void>;
}

export async function connectModelRegistry(opts: { remote: boolean }): Promise<ModelRegistryConnection> {
  const proto = loadSerProto().grpc.ser.v1;
  if (opts.remote) {
    const config = loadCliConfig();
    const registry = createClient<ModelRegistryServiceClient>(proto.ModelRegistryService, config.addresses.modelRegistry, {
      deadlineMs: config.grpcDeadlineMs,
      serviceToken: serviceCaller(config, 'operator'),
    });
    return { registry, close: async () => closeClient(registry) };
  }
  // Free ports (gRPC, /metrics): the in-process registry must not collide with a platform running beside it.
  const config = loadCliConfig(['--ports.modelRegistry=0', '--metricsPort=0']);
  const platform = await openPlatform(config).catch((err: Error) => {
    throw new CliError(`cannot open the platform's data in ${config.dataDir} (is 'npm start' using it? then pass --remote): ${err.message}`);
  });
  try {
    const service = await startModelRegistryService(platform, { port: 0 });
    const registry = createClient<ModelRegistryServiceClient>(proto.ModelRegistryService, service.address, { deadlineMs: config.grpcDeadlineMs });
    return {
      registry,
      async close() {
        closeClient(registry);
        await service.stop();
        await platform.close();
      },
    };
  } catch (err) {
    await platform.close();
    throw err;
  }
}
