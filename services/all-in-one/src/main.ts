import { ConfigError, loadPlatformConfig } from '@ser/config';
import { openPlatform, runUntilSignal } from '@ser/runtime';
import { seedDemoCorpus } from './seed-demo';
import { startAll } from './start-all';

// `npm start`: the whole platform on one machine on embedded defaults (in-process bus, PGlite, local artifacts).
try {
  const platform = await openPlatform(loadPlatformConfig({ overrides: process.argv.slice(2) }));
  const system = await startAll(platform);
  platform.logger.info({ gateway: system.gatewayUrl, services: system.addresses, dataDir: platform.config.dataDir }, 'SER platform ready');
  process.stdout.write(`\nSER platform ready: GraphQL at ${system.gatewayUrl} (Ctrl-C stops)\n\n`);
  runUntilSignal([{ stop: () => platform.close() }, ...system.stoppables], platform.logger);
  if (platform.config.seedDemoCorpus) {
    // In the background: the API answers while the demo corpus is synthesised and ingested.
    seedDemoCorpus(platform).catch((err: Error) => platform.logger.error({ err }, 'seeding the demo corpus failed'));
  }
} catch (err) {
  process.stderr.write(`ser: ${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
  process.exit(1);
}
