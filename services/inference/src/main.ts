import { loadPlatformConfig } from '@ser/config';
import { openPlatform, runUntilSignal } from '@ser/runtime';
import { startInferenceService } from './service';

// The inference service on its own (one container in a cluster).
const platform = await openPlatform(loadPlatformConfig({ overrides: process.argv.slice(2) }));
const service = await startInferenceService(platform);
runUntilSignal([{ stop: () => platform.close() }, service], platform.logger);
