import { resolve } from 'node:path';
import type { parseArgs } from 'node:util';
// The CLI composes the embedded platform the way `npm start` does; all-in-one is tagged type:app, which the
// module-boundary rule does not list for apps, so this one import is allowed by hand.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startAll } from '@ser/all-in-one';
import { loadPlatformConfig } from '@ser/config';
import { closeExperimentBackend, connectExperimentBackend, type ExperimentBackend } from '@ser/experiments';
import { bestOrLatestCheckpointId } from '@ser/runs';
import { openPlatform, serviceCaller } from '@ser/runtime';
import { CliError, usageError } from '../cli-error';
import { loadCliConfig } from '../cli-config';
import { leftoverRunsNote } from './leftover-runs';
import { gatewayAccess, queueRunThroughGateway, type GatewayAccess } from './gateway-run-queue';

/** The services an experiment drives and how to let them go. */
export interface ExperimentSystem {
  backend: ExperimentBackend;
  /** Where it runs, for the user: a data folder or the addresses. */
  description: string;
  close(): Promise<void>;
}

// Every port free (gRPC, gateway, /metrics), so an experiment never collides with a platform already running.
const FREE_PORTS = [
  ...['features', 'fopPretrainer', 'vqvaePretrainer', 'classifierTrainer', 'inference', 'modelRegistry', 'gateway'].map((n) => `--ports.${n}=0`),
  '--metricsPort=0',
];

/**
 * The whole platform in this process on the embedded defaults (PGlite, in-process bus, artifacts) under `dataDir`,
 * the datasets registered there visible. Its store tells which checkpoint a pre-training run kept.
 */
export async function startEmbeddedSystem(dataDir: string): Promise<ExperimentSystem> {
  const config = loadPlatformConfig({ env: { ...process.env, SER_DATA_DIR: resolve(dataDir), SER_SEED_DEMO: 'false' }, overrides: FREE_PORTS });
  const platform = await openPlatform(config).catch((err: Error) => {
    throw new CliError(`cannot open the platform's data in ${config.dataDir} (is 'npm start' using it? then pass --remote): ${err.message}`);
  });
  const leftover = await leftoverRunsNote(platform.store.runs, config.dataDir);
  if (leftover) process.stderr.write(`${leftover}\n`);
  const system = await startAll(platform).catch(async (err: Error) => {
    await platform.close();
    throw err;
  });
  const a = system.addresses;
  const backend: ExperimentBackend = {
    ...connectExperimentBackend({
      features: a.features!,
      fopPretrainer: a['fop-pretrainer']!,
      classifierTrainer: a['classifier-trainer']!,
      vqvaePretrainer: a['vqvae-pretrainer'],
    }),
    lookupCheckpoint: (runId) => bestOrLatestCheckpointId(platform.store, runId),
  };
  return {
    backend,
    description: `embedded platform, data in ${config.dataDir}`,
    async close() {
      closeExperimentBackend(backend);
      for (const s of [...system.stoppables].reverse()) await s.stop().catch(() => {});
      await platform.close();
    },
  };
}

/**
 * A platform already running (npm start, a cluster) at the configured addresses (SER_*_ADDRESS). With `gateway` its
 * runs are queued through the gateway (./gateway-run-queue.ts), not started by the trainers' Start RPCs, and
 * following a run waits for a trainer to be up: trainers that scale to zero start only when their queue fills.
 */
export function connectRunningSystem(gateway?: GatewayAccess): ExperimentSystem {
  const config = loadPlatformConfig();
  const { features, fopPretrainer, classifierTrainer, vqvaePretrainer } = config.addresses;
  const backend: ExperimentBackend = {
    ...connectExperimentBackend(
      { features, fopPretrainer, classifierTrainer, vqvaePretrainer },
      config.grpcDeadlineMs,
      serviceCaller(config, 'operator'),
      gateway !== undefined,
    ),
    ...(gateway ? { queueRun: queueRunThroughGateway(gateway) } : {}),
  };
  const trainers = `fop-pretrainer ${fopPretrainer}, classifier-trainer ${classifierTrainer}`;
  return {
    backend,
    description: gateway
      ? `running platform: runs queued through the gateway ${gateway.url}, followed on features ${features}, ${trainers}`
      : `running platform: features ${features}, ${trainers}`,
    close: async () => closeExperimentBackend(backend),
  };
}

/** Help lines of the options every experiment-driving command shares (`ser experiment`, `ser train`). */
export const SYSTEM_OPTIONS_HELP = `  --data-dir DIR           data folder of the embedded platform (default SER_DATA_DIR or .data)
  --remote                 drive the platform already running instead of one in this process: runs are queued
                           through its gateway (a trainer scaled to zero takes them when it starts) and followed
                           on the services (SER_*_ADDRESS); the API token (operator) comes from SER_API_TOKEN,
                           else <data dir>/admin.token
  --gateway URL            with --remote: the gateway's GraphQL URL (default SER_GATEWAY_URL, else
                           http://127.0.0.1:<gateway port>/graphql)
`;

/** The parseArgs options SYSTEM_OPTIONS_HELP describes. */
export const SYSTEM_OPTIONS = {
  'data-dir': { type: 'string' },
  remote: { type: 'boolean' },
  gateway: { type: 'string' },
} as const;

/** What parseArgs gives for SYSTEM_OPTIONS; a command's own values, parsed with more options, are assignable to it. */
export type SystemOptionValues = ReturnType<typeof parseArgs<{ options: typeof SYSTEM_OPTIONS }>>['values'];

/** The data folder the options name; checks that --gateway comes with --remote. */
export function experimentDataDir(values: SystemOptionValues): string {
  if (values.gateway && !values.remote) throw usageError('--gateway goes with --remote');
  return values['data-dir'] ?? process.env.SER_DATA_DIR ?? '.data';
}

/** The running platform with --remote (runs queued through its gateway), else an embedded one on `dataDir`. */
export async function openExperimentSystem(values: SystemOptionValues, dataDir: string): Promise<ExperimentSystem> {
  if (!values.remote) return startEmbeddedSystem(dataDir);
  return connectRunningSystem(gatewayAccess({ url: values.gateway, dataDir, gatewayPort: loadCliConfig().ports.gateway }));
}
