import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSerProto, type FeatureServiceClient, type FopPretrainServiceClient, type Run__Output } from '@ser/contracts';
import { callUnary, closeClient, createClient, deadlineIn, iterateStream } from '@ser/grpc-kit';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { freePort } from '../infra/process';
import { writeSmallDemoCorpus } from './ingestion-faults';
import { listeningAddress, logTails, platformEnv, reportFaults, requireEnv, startService, type ServiceProcess } from './service-process';

// A FOP small enough to train in seconds on any backend, with the paper's structure (as test/fop/pretrain-resume).
const TINY = {
  model: { dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1 },
  epochs: 6,
  batchSize: 4,
  cropFrames: 40,
  heldOutFraction: 0.25,
  patience: 100,
  seed: 7,
};
const CORPUS = 'demo-trainer-kill';

// The fop-pretrainer as its own process on the real PostgreSQL and broker, SIGKILLed once its second epoch's
// checkpoint is stored and started again with the same instance id (a pod's restarted container): the run must
// resume from that checkpoint (not from scratch) and succeed, with one checkpoint and one curve point per epoch.
describe('fault: a trainer SIGKILLed mid-run on PostgreSQL', () => {
  const suffix = randomUUID().slice(0, 8);
  const schema = `fault_tk_${suffix}`;
  let dataDir: string;
  let store: MetadataStore;
  let env: Record<string, string>;
  let features: ServiceProcess;
  let trainer: ServiceProcess | undefined;
  let datasetVersionId = '';
  const proto = loadSerProto().grpc.ser.v1;

  beforeAll(async () => {
    const databaseUrl = requireEnv('SER_TEST_DATABASE_URL');
    dataDir = mkdtempSync(join(tmpdir(), 'ser-fault-trainer-'));
    await writeSmallDemoCorpus(join(dataDir, 'corpora', CORPUS));
    store = await openMetadataStore({ kind: 'postgres', url: databaseUrl, schema });
    const base = platformEnv({ brokers: requireEnv('SER_TEST_KAFKA_BROKERS'), databaseUrl, schema, topicPrefix: `tk${suffix}.`, dataDir });
    const featuresPort = await freePort();
    features = await startService('features', { ...base, SER_FEATURES_PORT: String(featuresPort) });
    env = { ...base, SER_FEATURES_ADDRESS: `127.0.0.1:${featuresPort}`, SER_FOP_PRETRAINER_PORT: '0', SER_INSTANCE_ID: 'fop-pretrainer-0' };
    const client = createClient<FeatureServiceClient>(proto.FeatureService, listeningAddress(features), { deadlineMs: 120_000 });
    for await (const m of iterateStream(
      client.IngestDataset({ corpusName: CORPUS, format: 'DATASET_FORMAT_MANIFEST', uri: join(dataDir, 'corpora', CORPUS) }),
    )) {
      if (m.datasetVersion) datasetVersionId = m.datasetVersion.id;
    }
    closeClient(client);
  }, 420_000);

  afterAll(async () => {
    await trainer?.stop();
    await features?.stop();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('resumes the run from its last checkpoint after a restart and succeeds', async ({ onTestFailed }) => {
    onTestFailed(() => console.error(logTails([features, ...(trainer ? [trainer] : [])])));
    trainer = await startService('fopPretrainer', env);
    let client = createClient<FopPretrainServiceClient>(proto.FopPretrainService, listeningAddress(trainer), { deadlineMs: 30_000 });
    const { run } = await callUnary(client, 'StartFopPretrainRun', { configJson: JSON.stringify(TINY), datasetVersionIds: [datasetVersionId] });
    const runId = run!.id;
    for await (const m of iterateStream(client.WatchFopPretrainRun({ runId }, deadlineIn(300_000)))) {
      if (m.progress?.message === 'epoch 1 checkpoint saved') break;
    }
    await trainer.stop('SIGKILL');
    closeClient(client);
    const epochsBeforeKill = (await store.checkpoints.listForRun(runId)).length;

    trainer = await startService('fopPretrainer', env);
    client = createClient<FopPretrainServiceClient>(proto.FopPretrainService, listeningAddress(trainer), { deadlineMs: 30_000 });
    let last: Run__Output | null = null;
    for await (const m of iterateStream(client.WatchFopPretrainRun({ runId }, deadlineIn(300_000)))) {
      if (m.run) last = m.run;
    }
    closeClient(client);
    expect(last?.status).toBe('RUN_STATUS_SUCCEEDED');

    const stored = (await store.runs.get(runId))!;
    const epochs = (await store.checkpoints.listForRun(runId)).map((c) => c.epoch).sort((a, b) => a - b);
    const curve = (await store.runs.listMetrics(runId, 'heldOutLoss')).map((m) => m.epoch).sort((a, b) => a - b);
    const expected = Array.from({ length: TINY.epochs }, (_, i) => i);
    // The restarted process picked the run up from the checkpoint it found, not from epoch 0.
    const resumedLine = trainer
      .output()
      .split('\n')
      .find((l) => l.includes('pre-training started') && l.includes('"resumeFrom"'));
    const report = reportFaults('trainer-kill', {
      inputs: TINY.epochs,
      faults: 1,
      lost: expected.filter((e) => !epochs.includes(e)).length,
      duplicated: epochs.length - new Set(epochs).size + (curve.length - new Set(curve).size),
      epochsBeforeKill,
      attempts: stored.attempt,
    });
    expect(report).toMatchObject({ lost: 0, duplicated: 0, attempts: 2 });
    expect(epochsBeforeKill).toBeGreaterThanOrEqual(2);
    expect(epochs).toEqual(expected);
    expect(curve).toEqual(expected);
    expect(resumedLine, 'the restarted trainer resumes from a checkpoint').toBeDefined();
  }, 420_000);
});
