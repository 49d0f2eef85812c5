import { loadServiceConfig, openPlatform, runUntilSignal } from '@ser/runtime';
import { startClassifierTrainerService } from './service';

// The classifier-trainer service on its own (one container in a cluster).
const platform = await openPlatform(loadServiceConfig('classifier-trainer'));
const service = await startClassifierTrainerService(platform);
runUntilSignal([{ stop: () => platform.close() }, service], platform.logger);
