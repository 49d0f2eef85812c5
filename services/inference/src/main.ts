import { loadServiceConfig, openPlatform, runUntilSignal } from '@ser/runtime';
import { startInferenceService } from './service';

// The inference service on its own (one container in a cluster).
const platform = await openPlatform(loadServiceConfig('inference'));
const service = await startInferenceService(platform);
runUntilSignal([{ stop: () => platform.close() }, service], platform.logger);
