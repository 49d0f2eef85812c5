import { ConfigError, loadPlatformConfig } from '@ser/config';
import { ensureBootstrapToken } from '@ser/gateway';
import { openPlatform, runUntilSignal, withServiceSecret } from '@ser/runtime';
import { CONSOLE_DIST, ensureConsoleBuilt } from './console-build';
import { trainDemoModel } from './demo-model';
import { seedDemoCorpus } from './seed-demo';
import { startAll } from './start-all';

// `npm start`: the whole platform on one machine on embedded defaults (in-process bus, PGlite, local artifacts).
try {
  // The web console's files, built while the services start when a fresh clone or an edit left them missing or stale.
  const consoleBuilt = ensureConsoleBuilt((line) => process.stdout.write(`${line}\n`)).then(
    () => true,
    (err: Error) => (process.stderr.write(`ser: the web console could not be built, the API runs without it: ${err.message}\n`), false),
  );
  // Mutating gRPC calls between the services need a service token signed with a secret made for this start.
  const platform = await openPlatform(withServiceSecret(loadPlatformConfig({ overrides: process.argv.slice(2) })));
  const system = await startAll(platform, { consoleDir: CONSOLE_DIST });
  // A newcomer needs a token for mutations (predict, start runs): the first start writes an admin one.
  const tokenFile = await ensureBootstrapToken(platform.store, platform.config.dataDir);
  // Before anything says "ready": a Ctrl-C from then on must find the graceful stop in place.
  runUntilSignal([{ stop: () => platform.close() }, ...system.stoppables], platform.logger);
  platform.logger.info({ gateway: system.gatewayUrl, services: system.addresses, dataDir: platform.config.dataDir }, 'SER platform ready');
  process.stdout.write(`\nSER platform ready: GraphQL at ${system.gatewayUrl} (Ctrl-C stops)\n`);
  if (tokenFile) process.stdout.write(`An admin API token was written to ${tokenFile} (send it as "Authorization: Bearer <token>").\n`);
  process.stdout.write('\n');
  void consoleBuilt.then((built) => built && process.stdout.write(`Web console: ${new URL('/', system.gatewayUrl)} (sign in with an API token)\n`));
  if (platform.config.seedDemoCorpus) {
    // In the background: the API answers while the demo corpus is synthesised and ingested and the demo model trains.
    const report = (line: string) => process.stdout.write(`${line}\n`);
    seedDemoCorpus(platform)
      .then(() => trainDemoModel(platform, system.serviceAddresses, { report }))
      .catch((err: Error) => platform.logger.error({ err }, 'preparing the demo corpus and model failed'));
  }
} catch (err) {
  process.stderr.write(`ser: ${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
  process.exit(1);
}
