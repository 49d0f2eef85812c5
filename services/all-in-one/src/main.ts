import { readFileSync } from 'node:fs';
import { ConfigError, loadPlatformConfig } from '@ser/config';
import { BOOTSTRAP_ENV, ensureBootstrapToken, ensureSecretAdminToken, readBootstrapSecret } from '@ser/gateway';
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
  // An operator-chosen admin token, as the chart hands the gateway one from a Secret; read before anything starts,
  // so a misconfigured variable stops npm start at once.
  const bootstrapSecret = readBootstrapSecret();
  // Mutating gRPC calls between the services need a service token signed with a secret made for this start.
  const platform = await openPlatform(withServiceSecret(loadPlatformConfig({ overrides: process.argv.slice(2) })));
  // A first start synthesises the demo corpus while the services start: the features service reads the published
  // corpus from the start of its topic, so the announcement waits for it on the bus.
  const demoCorpus = platform.config.seedDemoCorpus ? seedDemoCorpus(platform) : null;
  // Handled below once the services run; this keeps a failure before then from being an unhandled rejection.
  demoCorpus?.catch(() => {});
  const system = await startAll(platform, { consoleDir: CONSOLE_DIST });
  // A newcomer needs a token for mutations (predict, start runs): the given one, or on a first start a new admin
  // token, printed this once and kept in <dataDir>/admin.token.
  if (bootstrapSecret) await ensureSecretAdminToken(platform.store, bootstrapSecret, platform.logger.child({ service: 'gateway' }));
  const tokenFile = bootstrapSecret ? null : await ensureBootstrapToken(platform.store, platform.config.dataDir);
  // Before anything says "ready": a Ctrl-C from then on must find the graceful stop in place.
  runUntilSignal([{ stop: () => platform.close() }, ...system.stoppables], platform.logger);
  platform.logger.info({ gateway: system.gatewayUrl, services: system.addresses, dataDir: platform.config.dataDir }, 'SER platform ready');
  process.stdout.write(`\nSER platform ready: GraphQL at ${system.gatewayUrl} (Ctrl-C stops)\n`);
  if (bootstrapSecret) process.stdout.write(`The admin API token is the one in ${process.env[BOOTSTRAP_ENV.file] ?? BOOTSTRAP_ENV.token}.\n`);
  if (tokenFile) {
    process.stdout.write(`An admin API token (shown once; also in ${tokenFile}): ${readFileSync(tokenFile, 'utf8').trim()}\n`);
    process.stdout.write('Send it as "Authorization: Bearer <token>", or paste it into the web console.\n');
  }
  process.stdout.write('\n');
  void consoleBuilt.then((built) => built && process.stdout.write(`Web console: ${new URL('/', system.gatewayUrl)} (sign in with an API token)\n`));
  if (demoCorpus) {
    // In the background: the API answers while the demo corpus is ingested and the demo model trains.
    const report = (line: string) => process.stdout.write(`${line}\n`);
    demoCorpus
      .then(() => trainDemoModel(platform, system.serviceAddresses, { report }))
      .catch((err: Error) => platform.logger.error({ err }, 'preparing the demo corpus and model failed'));
  }
} catch (err) {
  process.stderr.write(`ser: ${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
  process.exit(1);
}
