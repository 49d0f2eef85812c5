import { loadServiceConfig, openPlatform, runUntilSignal } from '@ser/runtime';
import { startFopPretrainerService } from './service';

// The fop-pretrainer service on its own (one container in a cluster).
const platform = await openPlatform(loadServiceConfig('fop-pretrainer'));
const service = await startFopPretrainerService(platform);
runUntilSignal([{ stop: () => platform.close() }, service], platform.logger);
