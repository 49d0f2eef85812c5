import { loadServiceConfig, openPlatform, runUntilSignal } from '@ser/runtime';
import { startFeaturesService } from './service';

// The features service on its own (one container in a cluster).
const platform = await openPlatform(loadServiceConfig('features'));
const service = await startFeaturesService(platform);
runUntilSignal([{ stop: () => platform.close() }, service], platform.logger);
