// The platform as a cluster runs it: one OS process per service (each service's main.ts, as its container runs it),
// sharing a real Kafka broker, a real PostgreSQL schema and one artifacts directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, terminate } from '../infra/process';

export const PIPELINE_SERVICES = {
  features: 'services/features/src/main.ts',
  fopPretrainer: 'services/fop-pretrainer/src/main.ts',
  classifierTrainer: 'services/classifier-trainer/src/main.ts',
  inference: 'services/inference/src/main.ts',
  modelRegistry: 'services/model-registry/src/main.ts',
  gateway: 'services/gateway/src/main.ts',
} as const;
type PipelineService = keyof typeof PIPELINE_SERVICES;

const ENV_NAME: Record<PipelineService, string> = {
  features: 'FEATURES',
  fopPretrainer: 'FOP_PRETRAINER',
  classifierTrainer: 'CLASSIFIER_TRAINER',
  inference: 'INFERENCE',
  modelRegistry: 'MODEL_REGISTRY',
  gateway: 'GATEWAY',
};

export interface ServiceProcesses {
  gatewayUrl: string;
  stop(): Promise<void>;
  output(): string;
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through 'npm test', which starts Kafka and PostgreSQL`);
  return value;
}

/**
 * Starts every pipeline service as its own process and waits until the gateway reports them all SERVING. The
 * schema must exist (open the metadata store on it first).
 */
export async function startServiceProcesses(opts: { dataDir: string; schema: string; topicPrefix: string }): Promise<ServiceProcesses> {
  const ports = {} as Record<PipelineService, number>;
  for (const s of Object.keys(PIPELINE_SERVICES) as PipelineService[]) ports[s] = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    SER_BUS: 'kafka',
    SER_KAFKA_BROKERS: requireEnv('SER_TEST_KAFKA_BROKERS'),
    SER_KAFKA_TOPIC_PREFIX: opts.topicPrefix,
    SER_STORE: 'postgres',
    SER_DATABASE_URL: requireEnv('SER_TEST_DATABASE_URL'),
    SER_DATABASE_SCHEMA: opts.schema,
    SER_DATA_DIR: opts.dataDir,
    SER_FEATURE_WORKERS: '1',
    SER_METRICS_PORT: '0',
    SER_LOG_LEVEL: 'warn',
  };
  for (const s of Object.keys(PIPELINE_SERVICES) as PipelineService[]) {
    env[`SER_${ENV_NAME[s]}_PORT`] = String(ports[s]);
    if (s !== 'gateway') env[`SER_${ENV_NAME[s]}_ADDRESS`] = `127.0.0.1:${ports[s]}`;
  }
  // The caller has created and migrated the schema, so the services start together without racing to create it.
  let out = '';
  const children = Object.values(PIPELINE_SERVICES).map((entry) => spawnService(entry, env, (d) => (out += d)));
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
  const wanted = ['features', 'fop-pretrainer', 'classifier-trainer', 'inference', 'model-registry'];
  await waitFor(
    () => serving(gatewayUrl, wanted),
    240_000,
    () => `services did not all report SERVING:\n${out}`,
  );
  return {
    gatewayUrl,
    output: () => out,
    stop: async () => {
      await Promise.all(children.map((c) => terminate(c, 'SIGTERM', 20_000)));
    },
  };
}

function spawnService(entry: string, env: Record<string, string>, sink: (d: string) => void): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => sink(String(d)));
  child.stderr!.on('data', (d) => sink(String(d)));
  child.once('exit', (code, signal) => sink(`\n[${entry} exited: ${code ?? signal}]\n`));
  return child;
}

async function serving(gatewayUrl: string, services: string[]): Promise<boolean> {
  try {
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { service status } }' }),
    });
    const body = (await res.json()) as { data?: { health: Array<{ service: string; status: string }> } };
    const health = body.data?.health ?? [];
    // PlatformService values: fop-pretrainer is FOP_PRETRAINER.
    return services.every((s) => health.some((h) => h.service === s.toUpperCase().replace(/-/g, '_') && h.status === 'SERVING'));
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, describe: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(describe());
    await new Promise((r) => setTimeout(r, 500));
  }
}
