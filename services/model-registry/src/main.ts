import { loadPlatformConfig } from '@ser/config';
import { openPlatform, runUntilSignal } from '@ser/runtime';
import { startModelRegistryService } from './service';

// The model registry on its own (one container in a cluster).
const platform = await openPlatform(loadPlatformConfig({ overrides: process.argv.slice(2) }));
const service = await startModelRegistryService(platform);
runUntilSignal([{ stop: () => platform.close() }, service], platform.logger);
