import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import {
  loadSerProto,
  type FeatureServiceClient,
  type Run__Output,
  type VqvaePretrainServiceClient,
  type WatchVqvaePretrainRunResponse__Output,
} from '@ser/contracts';
import { createInProcessBus, TOPICS, type Envelope, type InProcessBus } from '@ser/events';
import { startFeaturesService } from '@ser/features-service';
import { callUnary, closeClient, createClient, deadlineIn, iterateStream } from '@ser/grpc-kit';
import { createVqvae, loadVariables, readCheckpointWeights } from '@ser/models';
import { getMetricsRegistry, openPlatform, type Platform, type RunningService } from '@ser/runtime';
import { startVqvaePretrainerService } from '@ser/vqvae-pretrainer';
import { writeFourSpeakerCorpus } from '../classifier/four-speaker-corpus';

// A VQ-VAE small enough to train in seconds, with the paper's structure and 32x129 segments.
const MODEL = { hiddenChannels: 8, embeddingDim: 4, codebookSize: 16 };
const RUN = { model: MODEL, epochs: 3, batchSize: 16, learningRate: 3e-3, heldOutFraction: 0.2, patience: 10, seed: 5 };

describe('VQ-VAE pre-training runs (in-process platform)', () => {
  let dataDir: string;
  let bus: InProcessBus;
  let platform: Platform;
  let features: RunningService;
  let pretrainer: RunningService | undefined;
  let client: VqvaePretrainServiceClient;
  let datasetVersionId = '';
  const saved: Envelope[] = [];
  const proto = loadSerProto().grpc.ser.v1;

  const startPretrainer = async () => {
    pretrainer = await startVqvaePretrainerService(platform, { port: 0, featuresAddress: features.address });
    client = createClient<VqvaePretrainServiceClient>(proto.VqvaePretrainService, pretrainer.address, { deadlineMs: 30_000 });
  };
  const stopPretrainer = async () => {
    closeClient(client);
    await pretrainer?.stop();
    pretrainer = undefined;
  };
  const watch = async (runId: string, until?: (m: WatchVqvaePretrainRunResponse__Output) => boolean) => {
    const messages: WatchVqvaePretrainRunResponse__Output[] = [];
    for await (const m of iterateStream(client.WatchVqvaePretrainRun({ runId }, deadlineIn(300_000)))) {
      messages.push(m);
      if (until?.(m)) break;
    }
    return messages;
  };
  const lastRun = (messages: WatchVqvaePretrainRunResponse__Output[]): Run__Output => messages.filter((m) => m.run).at(-1)!.run!;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-vqvae-'));
    const corpus = join(dataDir, 'corpora', 'four');
    mkdirSync(corpus, { recursive: true });
    await writeFourSpeakerCorpus(corpus, 1);
    bus = createInProcessBus();
    const config = loadPlatformConfig({
      env: { SER_DATA_DIR: dataDir, SER_FEATURE_WORKERS: '1', SER_LOG_LEVEL: 'warn' },
      overrides: ['--ports.features=0', '--ports.vqvaePretrainer=0'],
    });
    platform = await openPlatform(config, { bus });
    features = await startFeaturesService(platform);
    await bus.subscribe({ groupId: 'test-checkpoints', topics: [TOPICS.checkpointSaved], fromBeginning: true, handler: async (e) => void saved.push(e) });
    const featureClient = createClient<FeatureServiceClient>(proto.FeatureService, features.address, { deadlineMs: 120_000 });
    for await (const m of iterateStream(featureClient.IngestDataset({ corpusName: 'four', format: 'DATASET_FORMAT_URDU', uri: corpus }))) {
      if (m.datasetVersion) datasetVersionId = m.datasetVersion.id;
    }
    closeClient(featureClient);
    await startPretrainer();
  }, 300_000);

  afterAll(async () => {
    await stopPretrainer();
    await features?.stop();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('start -> streamed losses -> a checkpoint per epoch -> succeeded, and the checkpoint loads into a VQ-VAE', async () => {
    const { run } = await callUnary(client, 'StartVqvaePretrainRun', { configJson: JSON.stringify(RUN), datasetVersionIds: [datasetVersionId] });
    expect(run!.status).toBe('RUN_STATUS_QUEUED');
    const messages = await watch(run!.id);
    expect(lastRun(messages).status).toBe('RUN_STATUS_SUCCEEDED');
    expect(messages.some((m) => (m.progress?.losses?.loss ?? 0) > 0)).toBe(true);
    expect(messages.filter((m) => m.progress?.message?.endsWith('checkpoint saved')).map((m) => m.progress!.epoch)).toEqual([0, 1, 2]);

    const checkpoints = await platform.store.checkpoints.listForRun(run!.id);
    expect(checkpoints.map((c) => c.epoch).sort()).toEqual([0, 1, 2]);
    expect(checkpoints.every((c) => Number.isFinite(Number(c.metrics.heldOutLoss)) && Number(c.metrics.perplexity) >= 1)).toBe(true);
    expect(saved.filter((e) => (e.data as { runId: string }).runId === run!.id)).toHaveLength(3);
    // The trainer's gauges follow the same progress: the last epoch and the last loss.
    const gauge = async (name: string) => (await getMetricsRegistry().getSingleMetric(name)!.get()).values.find((v) => v.labels.run_kind === 'vqvae-pretrain');
    expect((await gauge('ser_training_epoch'))?.value).toBe(2);
    expect((await gauge('ser_training_loss'))?.value).toBeGreaterThan(0);
    const model = createVqvae(MODEL);
    loadVariables(model.variables, await readCheckpointWeights(platform.artifacts, checkpoints[0]!.artifactKey));
    model.dispose();
  }, 300_000);

  it('rejects unknown config keys and unknown datasets', async () => {
    await expect(
      callUnary(client, 'StartVqvaePretrainRun', { configJson: JSON.stringify({ epochz: 1 }), datasetVersionIds: [datasetVersionId] }),
    ).rejects.toMatchObject({ code: 3 });
    await expect(callUnary(client, 'StartVqvaePretrainRun', { configJson: '{}', datasetVersionIds: ['nope'] })).rejects.toMatchObject({ code: 5 });
  });

  it('a run whose worker is killed after its first checkpoint resumes from it and finishes', async () => {
    const { run } = await callUnary(client, 'StartVqvaePretrainRun', {
      configJson: JSON.stringify({ ...RUN, epochs: 4 }),
      datasetVersionIds: [datasetVersionId],
    });
    await watch(run!.id, (m) => m.progress?.message === 'epoch 0 checkpoint saved');
    await stopPretrainer(); // terminates the worker thread mid-run and hands the run back
    expect((await platform.store.runs.get(run!.id))!.status).toBe('queued'); // released, not finished
    await startPretrainer(); // recover() picks the run up again
    expect(lastRun(await watch(run!.id)).status).toBe('RUN_STATUS_SUCCEEDED');
    const stored = (await platform.store.runs.get(run!.id))!;
    expect(stored.attempt).toBe(2);
    const epochs = (await platform.store.checkpoints.listForRun(run!.id)).map((c) => c.epoch);
    expect([...new Set(epochs)].sort()).toEqual([0, 1, 2, 3]);
  }, 300_000);

  it('cancel stops a running run', async () => {
    const { run } = await callUnary(client, 'StartVqvaePretrainRun', {
      configJson: JSON.stringify({ ...RUN, epochs: 50 }),
      datasetVersionIds: [datasetVersionId],
    });
    await watch(run!.id, (m) => m.progress?.status === 'RUN_STATUS_RUNNING' && (m.progress.step ?? 0) > 0);
    await callUnary(client, 'CancelVqvaePretrainRun', { runId: run!.id });
    expect(lastRun(await watch(run!.id)).status).toBe('RUN_STATUS_CANCELLED');
  }, 300_000);
});
