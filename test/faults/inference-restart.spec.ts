import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import { encodeWav } from '@ser/audio';
import { loadSerProto, type InferenceServiceClient } from '@ser/contracts';
import { callUnary, closeClient, createClient } from '@ser/grpc-kit';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { registerRandomModel, tone } from '../inference/model-fixtures';
import { freePort } from '../infra/process';
import { startLoad, toAnswer, type Answer } from './prediction-load';
import { logTails, platformEnv, reportFaults, requireEnv, startService, type ServiceProcess } from './service-process';

const MODEL = 'fault-emotion';
const CONCURRENCY = 8;
// Clips that differ in pitch, loudness and length, so a mixed-up batch would show as a wrong answer.
const CLIPS = [
  [0.8, 0.3, 140],
  [1.2, 0.2, 220],
  [1.5, 0.4, 180],
  [0.6, 0.25, 300],
  [1.0, 0.35, 110],
  [2.0, 0.15, 260],
].map(([seconds, loudness, f0]) => Buffer.from(encodeWav(tone(seconds!, 16000, loudness, f0), 16000)));

// The inference service (its own process, on a fixed port) is restarted twice while 8 clients predict without pause:
// once gracefully (SIGTERM, a rolling update) and once with SIGKILL (a crash). Clients may see UNAVAILABLE (retriable)
// and nothing else; every answer must equal the healthy server's answer for that clip.
describe('fault: the inference service restarted under load', () => {
  const suffix = randomUUID().slice(0, 8);
  const schema = `fault_ir_${suffix}`;
  let dataDir: string;
  let store: MetadataStore;
  let env: Record<string, string>;
  let address: string;
  let inference: ServiceProcess | undefined;
  let registry: ServiceProcess | undefined;
  let client: InferenceServiceClient;
  const exits: ServiceProcess[] = [];

  beforeAll(async () => {
    const databaseUrl = requireEnv('SER_TEST_DATABASE_URL');
    dataDir = mkdtempSync(join(tmpdir(), 'ser-fault-inference-'));
    store = await openMetadataStore({ kind: 'postgres', url: databaseUrl, schema });
    const version = await registerRandomModel(store, createLocalArtifactStore(join(dataDir, 'artifacts')), MODEL, 11);
    await store.models.setAlias(MODEL, 'production', version);
    const port = await freePort();
    address = `127.0.0.1:${port}`;
    env = {
      ...platformEnv({ brokers: requireEnv('SER_TEST_KAFKA_BROKERS'), databaseUrl, schema, topicPrefix: `ir${suffix}.`, dataDir }),
      SER_INFERENCE_PORT: String(port),
      SER_INFERENCE_DEFAULT_MODEL: MODEL,
    };
    // Inference reads its models through the model registry, as in the chart: the registry runs beside it.
    const registryPort = await freePort();
    env.SER_MODEL_REGISTRY_PORT = String(registryPort);
    env.SER_MODEL_REGISTRY_ADDRESS = `127.0.0.1:${registryPort}`;
    registry = await startService('modelRegistry', env);
    inference = await startService('inference', env);
    // A client reconnecting within a second of the server's return, as the gateway's channels should.
    client = createClient<InferenceServiceClient>(loadSerProto().grpc.ser.v1.InferenceService, address, {
      deadlineMs: 20_000,
      channelOptions: { 'grpc.initial_reconnect_backoff_ms': 200, 'grpc.max_reconnect_backoff_ms': 1000 },
    });
  }, 300_000);

  afterAll(async () => {
    if (client) closeClient(client);
    await inference?.stop();
    await registry?.stop();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('answers every request correctly or with UNAVAILABLE across a graceful and a crash restart', async ({ onTestFailed }) => {
    onTestFailed(() => console.error(logTails([...exits, ...(inference ? [inference] : [])])));
    const healthy: Answer[] = [];
    for (const clip of CLIPS) healthy.push(toAnswer((await callUnary(client, 'Predict', { audio: { content: clip }, recordOptOut: true })).prediction));

    const load = startLoad(client, CLIPS, healthy, CONCURRENCY);
    const answeredSince = async (since: number) => {
      await expect.poll(() => load.tally.lastAnswerAt > since && load.tally.answered, { timeout: 60_000, interval: 100 }).toBeTruthy();
      await new Promise((r) => setTimeout(r, 2000)); // a stretch of load on the healthy server
    };
    await answeredSince(0);
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      await inference!.stop(signal);
      exits.push(inference!);
      inference = await startService('inference', env);
      await answeredSince(Date.now());
    }
    const tally = await load.stop();

    const retriable = tally.failures['UNAVAILABLE'] ?? 0;
    const otherFailures = Object.entries(tally.failures).filter(([code]) => code !== 'UNAVAILABLE');
    const report = reportFaults('inference-restart', {
      inputs: tally.requests,
      faults: 2,
      lost: otherFailures.reduce((n, [, count]) => n + count, 0),
      answered: tally.answered,
      unavailable: retriable,
      wrongAnswers: tally.wrong,
    });
    expect(otherFailures, 'only UNAVAILABLE may reach clients').toEqual([]);
    expect(report).toMatchObject({ lost: 0, wrongAnswers: 0 });
    expect(tally.answered).toBeGreaterThan(0);
  }, 420_000);
});
