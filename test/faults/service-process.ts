// One platform service as its own OS process (its main.ts, as its container runs it), for the fault tests: started,
// killed and restarted at will, its log kept for failure messages.
import { spawn, type ChildProcess } from 'node:child_process';
import { terminate } from '../infra/process';

export const SERVICE_ENTRIES = {
  features: 'services/features/src/main.ts',
  fopPretrainer: 'services/fop-pretrainer/src/main.ts',
  vqvaePretrainer: 'services/vqvae-pretrainer/src/main.ts',
  classifierTrainer: 'services/classifier-trainer/src/main.ts',
  inference: 'services/inference/src/main.ts',
  modelRegistry: 'services/model-registry/src/main.ts',
  gateway: 'services/gateway/src/main.ts',
} as const;
export type ServiceKind = keyof typeof SERVICE_ENTRIES;

const START_TIMEOUT_MS = 180_000;

export interface ServiceProcess {
  readonly kind: ServiceKind;
  readonly child: ChildProcess;
  /** Everything the process wrote (JSON log lines), for assertions and failure messages. */
  output(): string;
  /** True while the process has not exited. */
  alive(): boolean;
  /** Sends the signal and waits for the exit (SIGKILL after 20 s for a graceful one). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Spawns a service with `env` (SER_* settings) and resolves once it serves: its 'grpc server listening' log line,
 * or the gateway's 'GraphQL gateway listening'. Rejects with its output when it exits or does not start in time.
 */
export async function startService(kind: ServiceKind, env: Record<string, string>, args: string[] = []): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVICE_ENTRIES[kind], ...args], {
    // JSON log lines at info: readiness is read from them.
    env: { ...process.env, ...env, SER_LOG_LEVEL: 'info', SER_LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const readyLine = kind === 'gateway' ? 'GraphQL gateway listening' : 'grpc server listening';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${kind} did not start in ${START_TIMEOUT_MS / 1000} s:\n${out}`)), START_TIMEOUT_MS);
    const onData = () => out.includes(readyLine) && finish();
    const onExit = (code: number | null, signal: string | null) => fail(new Error(`${kind} exited with ${code ?? signal} while starting:\n${out}`));
    const finish = () => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      resolve();
    };
    const fail = (err: Error) => {
      finish();
      child.kill('SIGKILL');
      reject(err);
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    kind,
    child,
    output: () => out,
    alive,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (!alive()) return;
      if (signal === 'SIGKILL') {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGKILL');
        return exited;
      }
      await terminate(child, signal, 20_000);
    },
  };
}

/** The SER_* settings every service process of one test shares: its broker, its schema and topics, its files. */
export function platformEnv(opts: { brokers: string; databaseUrl: string; schema: string; topicPrefix: string; dataDir: string }): Record<string, string> {
  return {
    SER_BUS: 'kafka',
    SER_KAFKA_BROKERS: opts.brokers,
    SER_KAFKA_TOPIC_PREFIX: opts.topicPrefix,
    SER_STORE: 'postgres',
    SER_DATABASE_URL: opts.databaseUrl,
    SER_DATABASE_SCHEMA: opts.schema,
    SER_DATA_DIR: opts.dataDir,
    SER_FEATURE_WORKERS: '1',
    SER_METRICS_PORT: '0',
  };
}

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through 'npm test', which starts Kafka and PostgreSQL`);
  return value;
}

/** The gRPC address a service logged ('0.0.0.0:port' or '127.0.0.1:port'), as a loopback address. */
export function listeningAddress(service: ServiceProcess): string {
  const line = service
    .output()
    .split('\n')
    .reverse()
    .find((l) => l.includes('grpc server listening'));
  if (!line) throw new Error(`${service.kind} has not logged its address`);
  return (JSON.parse(line) as { address: string }).address.replace(/^0\.0\.0\.0:/, '127.0.0.1:');
}

/**
 * What one fault test injected and what it lost or duplicated, printed as one line (and returned for asserts).
 * `duplicated` is absent where nothing can be duplicated (a prediction is answered or not).
 */
export interface FaultCounts {
  inputs: number;
  faults: number;
  lost: number;
  duplicated?: number;
  [extra: string]: number | undefined;
}

export function reportFaults(name: string, counts: FaultCounts): FaultCounts {
  const fields = Object.entries(counts).map(([k, v]) => `${k}=${v ?? '-'}`);
  process.stdout.write(`[faults] ${name}: ${fields.join(' ')}\n`);
  return counts;
}

/** The last lines each service wrote, for a failed test's message. */
export function logTails(services: ServiceProcess[], lines = 40): string {
  return services.map((s) => `--- ${s.kind} (pid ${s.child.pid}) ---\n${s.output().split('\n').slice(-lines).join('\n')}`).join('\n');
}
