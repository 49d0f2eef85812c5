import { loadPlatformConfig } from '@ser/config';
import { openPlatform, runUntilSignal } from '@ser/runtime';
import { startVqvaePretrainerService } from './service';

// The vqvae-pretrainer service on its own (one container in a cluster).
const platform = await openPlatform(loadPlatformConfig({ overrides: process.argv.slice(2) }));
const service = await startVqvaePretrainerService(platform);
runUntilSignal([{ stop: () => platform.close() }, service], platform.logger);
