import { loadPlatformConfig } from '@ser/config';
import { openPlatform, runUntilSignal } from '@ser/runtime';
import { startFopPretrainerService } from './service';

// The fop-pretrainer service on its own (one container in a cluster).
const platform = await openPlatform(loadPlatformConfig({ overrides: process.argv.slice(2) }));
const service = await startFopPretrainerService(platform);
runUntilSignal([{ stop: () => platform.close() }, service], platform.logger);
