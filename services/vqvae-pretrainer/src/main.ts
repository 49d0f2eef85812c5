import { loadServiceConfig, openPlatform, runUntilSignal } from '@ser/runtime';
import { startVqvaePretrainerService } from './service';

// The vqvae-pretrainer service on its own (one container in a cluster).
const platform = await openPlatform(loadServiceConfig('vqvae-pretrainer'));
const service = await startVqvaePretrainerService(platform);
runUntilSignal([{ stop: () => platform.close() }, service], platform.logger);
