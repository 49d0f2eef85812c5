// Every service as its own process (each service's main.ts, as its container runs it) on the embedded defaults
// (in-process bus, PGlite in its own data folder), scraped on its SER_METRICS_PORT: each exports its domain metrics,
// and the chart's dashboards and alerts name no metric that no service exports.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitoringExpressions, metricNames } from '../deploy/monitoring-files';
import { freePort, terminate } from '../infra/process';

const SERVICES = {
  features: 'services/features/src/main.ts',
  'fop-pretrainer': 'services/fop-pretrainer/src/main.ts',
  'vqvae-pretrainer': 'services/vqvae-pretrainer/src/main.ts',
  'classifier-trainer': 'services/classifier-trainer/src/main.ts',
  inference: 'services/inference/src/main.ts',
  'model-registry': 'services/model-registry/src/main.ts',
  gateway: 'services/gateway/src/main.ts',
} as const;
type Service = keyof typeof SERVICES;

const EVENTS = ['ser_events_dead_letters_total', 'ser_events_consumer_lag_messages'];
const GRPC = ['grpc_server_handled_total', 'grpc_server_handling_seconds'];
const TRAINING = ['ser_training_epoch', 'ser_training_loss'];
/** What each process must export (by `# TYPE` line: a labelled metric without samples yet still declares itself). */
const EXPECTED: Record<Service, string[]> = {
  features: [...EVENTS, ...GRPC, 'ser_features_utterances_ingested_total', 'ser_features_utterances_skipped_total'],
  'fop-pretrainer': [...EVENTS, ...GRPC, ...TRAINING],
  'vqvae-pretrainer': [...EVENTS, ...GRPC, ...TRAINING],
  'classifier-trainer': [...EVENTS, ...GRPC, ...TRAINING],
  inference: [
    ...EVENTS,
    ...GRPC,
    'ser_inference_batch_size',
    'ser_inference_model_load_seconds',
    'ser_inference_model_warmup_seconds',
    'ser_inference_prediction_duration_seconds',
  ],
  'model-registry': [...EVENTS, ...GRPC, 'ser_model_registry_versions_registered_total', 'ser_model_registry_alias_moves_total'],
  gateway: [...EVENTS, 'graphql_operations_total', 'graphql_operation_duration_seconds'],
};

/** Metric name -> type, from the exposition's `# TYPE` lines. */
function declared(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

/** The series names a query can select: a histogram's _bucket, _sum and _count, a summary's _sum and _count. */
function selectable(types: Map<string, string>): Set<string> {
  const names = new Set<string>();
  for (const [name, type] of types) {
    names.add(name);
    if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(name + s);
    if (type === 'summary') for (const s of ['_sum', '_count']) names.add(name + s);
  }
  return names;
}

async function scrape(port: number): Promise<string | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}

describe('metrics of every service process', { timeout: 60_000 }, () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  const scraped = new Map<Service, Map<string, string>>();
  let output = '';

  beforeAll(async () => {
    const started = (Object.keys(SERVICES) as Service[]).map(async (service) => {
      const dataDir = mkdtempSync(join(tmpdir(), `ser-metrics-${service}-`));
      dirs.push(dataDir);
      const metricsPort = await freePort();
      const env: Record<string, string> = {
        ...(process.env as Record<string, string>),
        SER_BUS: 'memory',
        SER_STORE: 'pglite',
        SER_DATA_DIR: dataDir,
        SER_METRICS_PORT: String(metricsPort),
        SER_FEATURE_WORKERS: '1',
        SER_LOG_LEVEL: 'warn',
      };
      // Every gRPC and HTTP port ephemeral: the processes are independent (each has its own PGlite).
      for (const name of ['FEATURES', 'FOP_PRETRAINER', 'VQVAE_PRETRAINER', 'CLASSIFIER_TRAINER', 'INFERENCE', 'MODEL_REGISTRY', 'GATEWAY'])
        env[`SER_${name}_PORT`] = '0';
      const child = spawn(process.execPath, ['--import', 'tsx', SERVICES[service]], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      const sink = (d: unknown) => (output += `[${service}] ${String(d)}`);
      child.stdout!.on('data', sink);
      child.stderr!.on('data', sink);
      let exited = false;
      child.once('exit', (code, signal) => ((exited = true), sink(`exited: ${code ?? signal}\n`)));
      // Every expected metric is registered before the service serves; poll until they all show. Seven services
      // compiling through tsx at once on 2 cores (a cold cache after a wide change) take minutes to start.
      const until = Date.now() + 420_000;
      for (;;) {
        const text = await scrape(metricsPort);
        const types = text === null ? null : declared(text);
        if (types && EXPECTED[service].every((m) => types.has(m))) {
          scraped.set(service, types);
          return;
        }
        if (exited || Date.now() > until) {
          const missing = types ? EXPECTED[service].filter((m) => !types.has(m)) : ['(no /metrics answer)'];
          throw new Error(`${service} did not export ${missing.join(', ')} on port ${metricsPort}:\n${output}`);
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    });
    await Promise.all(started);
  }, 480_000);

  afterAll(async () => {
    await Promise.all(children.map((c) => terminate(c, 'SIGTERM', 20_000)));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it.each(Object.keys(SERVICES) as Service[])('%s exports its domain metrics, named by Prometheus conventions', (service) => {
    const types = scraped.get(service)!;
    for (const name of EXPECTED[service]) {
      expect(name, service).toMatch(/^[a-z][a-z0-9_]*$/);
      // Counters end in _total, and nothing else does; durations are in seconds.
      expect(types.get(name) === 'counter', name).toBe(name.endsWith('_total'));
      if (/duration|load|warmup|handling/.test(name)) expect(name).toMatch(/_seconds$/);
    }
  });

  it('the dashboards and alerts of the chart reference only metrics that some service exports', () => {
    const exported = new Set([...scraped.values()].flatMap((types) => [...selectable(types)]));
    const expressions = monitoringExpressions();
    expect(expressions.length).toBeGreaterThan(10);
    const unknown = expressions.flatMap(({ where, expr }) =>
      metricNames(expr)
        .filter((n) => !exported.has(n))
        .map((n) => `${where}: ${n}`),
    );
    expect(unknown).toEqual([]);
    // And they use every domain metric the services add.
    const referenced = new Set(expressions.flatMap(({ expr }) => metricNames(expr)).map((n) => n.replace(/_(bucket|sum|count)$/, '')));
    const domain = [...new Set(Object.values(EXPECTED).flat())].filter((n) => n.startsWith('ser_'));
    expect(domain.filter((n) => !referenced.has(n))).toEqual([]);
  });
});
