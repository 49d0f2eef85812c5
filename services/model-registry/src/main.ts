import { loadServiceConfig, openPlatform, runUntilSignal } from '@ser/runtime';
import { startModelRegistryService } from './service';

// The model registry on its own (one container in a cluster).
const platform = await openPlatform(loadServiceConfig('model-registry'));
const service = await startModelRegistryService(platform);
runUntilSignal([{ stop: () => platform.close() }, service], platform.logger);
