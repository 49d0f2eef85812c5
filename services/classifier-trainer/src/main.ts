import { loadPlatformConfig } from '@ser/config';
import { openPlatform, runUntilSignal } from '@ser/runtime';
import { startClassifierTrainerService } from './service';

// The classifier-trainer service on its own (one container in a cluster).
const platform = await openPlatform(loadPlatformConfig({ overrides: process.argv.slice(2) }));
const service = await startClassifierTrainerService(platform);
runUntilSignal([{ stop: () => platform.close() }, service], platform.logger);
