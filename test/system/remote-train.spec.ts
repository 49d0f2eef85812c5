import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSerProto, type FeatureServiceClient } from '@ser/contracts';
import type { ExperimentResults } from '@ser/experiments';
import { closeClient, createClient, iterateStream } from '@ser/grpc-kit';
import { openMetadataStore, type MetadataStore, type Run } from '@ser/store';
import { ser } from '../experiments/prepare-data';
import { writeSmallDemoCorpus } from '../faults/ingestion-faults';
import { listeningAddress, logTails, platformEnv, requireEnv, startService, type ServiceProcess } from '../faults/service-process';
import { freePort, terminate } from '../infra/process';

const CORPUS = 'demo-remote';

// `ser train --remote` against a platform whose trainers scale to zero (KEDA in the chart): the CLI queues each run
// through the gateway, so it works while no trainer is up, and the trainer started later takes the run while the
// CLI follows it with its progress output. Every service is its own process on the real PostgreSQL and broker; the
// trainers' addresses point at ports where nothing listens until each trainer starts there, so a CLI that called a
// trainer's Start RPC would fail at once.
describe('ser train --remote with no trainer up (trainers scaled to zero)', () => {
  const suffix = randomUUID().slice(0, 8);
  const schema = `remote_${suffix}`;
  let dataDir: string;
  let store: MetadataStore;
  let env: Record<string, string>;
  const services: ServiceProcess[] = [];
  let cli: ChildProcess | undefined;
  let cliEnv: Record<string, string>;
  let gatewayUrl = '';
  let fopPort = 0;
  let trainerPort = 0;
  let operator = '';

  beforeAll(async () => {
    const databaseUrl = requireEnv('SER_TEST_DATABASE_URL');
    dataDir = mkdtempSync(join(tmpdir(), 'ser-remote-train-'));
    await writeSmallDemoCorpus(join(dataDir, 'corpora', CORPUS), 4, 2);
    store = await openMetadataStore({ kind: 'postgres', url: databaseUrl, schema });
    operator = (await store.apiTokens.create({ name: 'remote-train', role: 'operator' })).token;
    const base = platformEnv({ brokers: requireEnv('SER_TEST_KAFKA_BROKERS'), databaseUrl, schema, topicPrefix: `r${suffix}.`, dataDir });
    const [featuresPort, registryPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
    [fopPort, trainerPort] = [await freePort(), await freePort()];
    env = {
      ...base,
      SER_FEATURES_ADDRESS: `127.0.0.1:${featuresPort}`,
      SER_MODEL_REGISTRY_ADDRESS: `127.0.0.1:${registryPort}`,
      SER_FOP_PRETRAINER_ADDRESS: `127.0.0.1:${fopPort}`,
      SER_CLASSIFIER_TRAINER_ADDRESS: `127.0.0.1:${trainerPort}`,
    };
    services.push(await startService('features', { ...env, SER_FEATURES_PORT: String(featuresPort) }));
    services.push(await startService('modelRegistry', { ...env, SER_MODEL_REGISTRY_PORT: String(registryPort) }));
    services.push(await startService('gateway', { ...env, SER_GATEWAY_PORT: String(gatewayPort) }));
    gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    const client = createClient<FeatureServiceClient>(loadSerProto().grpc.ser.v1.FeatureService, listeningAddress(services[0]!), { deadlineMs: 120_000 });
    for await (const _ of iterateStream(
      client.IngestDataset({ corpusName: CORPUS, format: 'DATASET_FORMAT_MANIFEST', uri: join(dataDir, 'corpora', CORPUS) }),
    ));
    closeClient(client);
    // What the CLI sees: the services' addresses only (no store, no broker), the token by env.
    cliEnv = {
      SER_FEATURES_ADDRESS: env.SER_FEATURES_ADDRESS!,
      SER_FOP_PRETRAINER_ADDRESS: env.SER_FOP_PRETRAINER_ADDRESS!,
      SER_CLASSIFIER_TRAINER_ADDRESS: env.SER_CLASSIFIER_TRAINER_ADDRESS!,
      SER_API_TOKEN: operator,
    };
  }, 600_000);

  afterAll(async () => {
    if (cli) await terminate(cli, 'SIGTERM', 20_000);
    await Promise.all(services.map((s) => s.stop()));
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  /** The one run of `kind` once it is queued, polled from the store; fails at once when the CLI has exited meanwhile. */
  async function queuedRun(kind: string, timeoutMs: number): Promise<Run> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const run = (await store.runs.list({ kind })).edges[0]?.node;
      if (run?.status === 'queued') return run;
      if (cli!.exitCode !== null || cli!.signalCode !== null)
        throw new Error(`ser exited (${cli!.exitCode ?? cli!.signalCode}) before a ${kind} run was queued`);
      if (Date.now() > until) throw new Error(`no ${kind} run queued in ${timeoutMs / 1000} s (found: ${run?.status ?? 'none'})`);
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }

  it('queues the pre-training and the classifier run through the gateway, and each trainer started later takes its run', async ({ onTestFailed }) => {
    const out = join(dataDir, 'trained');
    const recipe = join(dataDir, 'recipe.yaml');
    writeFileSync(recipe, 'baseline: false\n');
    const args = ['train', '--remote', '--gateway', gatewayUrl, '--dataset', CORPUS, '--model-name', 'remote-emotion', '--smoke', '--config', recipe];
    cli = spawn(process.execPath, ['bin/ser.js', ...args, '--out', out, '--data-dir', dataDir], {
      env: { ...process.env, SER_LOG_LEVEL: 'warn', ...cliEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    cli.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    cli.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => cli!.once('exit', (code) => resolve(code)));
    onTestFailed(() => console.error(`--- ser ---\n${stdout}\n${stderr}\n${logTails(services)}`));

    // No fop-pretrainer is up: the run waits in the queue, unclaimed, and the CLI waits with it.
    const pretraining = await queuedRun('fop-pretrain', 300_000);
    expect(pretraining.claimedBy).toBeNull();
    expect(cli.exitCode).toBeNull();
    services.push(await startService('fopPretrainer', { ...env, SER_FOP_PRETRAINER_PORT: String(fopPort), SER_INSTANCE_ID: 'fop-pretrainer-0' }));

    // The pre-training done, the recipe's classifier run is queued the same way while no classifier-trainer is up.
    const classifier = await queuedRun('classifier', 900_000); // after the pre-training
    expect(cli.exitCode).toBeNull();
    expect((await store.runs.get(pretraining.id))!.status).toBe('succeeded');
    services.push(
      await startService('classifierTrainer', { ...env, SER_CLASSIFIER_TRAINER_PORT: String(trainerPort), SER_INSTANCE_ID: 'classifier-trainer-0' }),
    );

    expect(await exited).toBe(0);
    expect(stdout).toMatch(/registered remote-emotion version 1: \d+\.\d UA, \d+\.\d WA/);
    expect(stderr).toContain(`runs queued through the gateway ${gatewayUrl}`);
    // The progress output (plain lines when stderr is no terminal) and each run's outcome.
    expect(stderr).toMatch(/\[1\/2\] pre-training on demo-remote: \d+\/100 \(\d+%\)/);
    expect(stderr).toMatch(/\[1\/2\] pre-training on demo-remote: succeeded/);
    expect(stderr).toMatch(/\[2\/2\] .*recipe.*: succeeded/);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ExperimentResults;
    expect(results.pretraining[0]!.runId).toBe(pretraining.id);
    expect(results.cells[0]).toMatchObject({ row: 'recipe', runId: classifier.id, status: 'succeeded', model: { name: 'remote-emotion', version: 1 } });
    expect((await store.runs.get(pretraining.id))!.claimedBy).toContain('fop-pretrainer-0');
    expect((await store.runs.get(classifier.id))!.claimedBy).toContain('classifier-trainer-0');
  }, 1_800_000);

  it('keeps its exit codes for bad input, and says why the gateway refused a run', async () => {
    const train = ['train', '--remote', '--dataset', CORPUS, '--smoke', '--data-dir', dataDir];
    const badUrl = await ser([...train, '--gateway', 'not-a-url'], cliEnv);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain("--gateway: 'not-a-url' is not an http(s) URL");
    expect((await ser(['train', '--gateway', gatewayUrl, '--dataset', CORPUS], cliEnv)).code).toBe(2);
    // No token in the environment and none in the data folder.
    const noToken = await ser([...train, '--gateway', gatewayUrl], { ...cliEnv, SER_API_TOKEN: '' });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain('needs an API token: set SER_API_TOKEN');
    const unknown = await ser([...train, '--gateway', gatewayUrl], { ...cliEnv, SER_API_TOKEN: 'ser_not-a-token' });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('the gateway refused startPretrainRun (UNAUTHENTICATED)');
  }, 600_000);
});
