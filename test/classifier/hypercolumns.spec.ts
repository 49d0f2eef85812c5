import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClassifierTrainerService } from '@ser/classifier-trainer';
import { loadPlatformConfig } from '@ser/config';
import { loadSerProto, type ClassifierTrainingServiceClient, type FeatureServiceClient, type Run__Output } from '@ser/contracts';
import { createInProcessBus, TOPICS, type Envelope, type InProcessBus } from '@ser/events';
import { startFeaturesService } from '@ser/features-service';
import { callUnary, closeClient, createClient, deadlineIn, iterateStream } from '@ser/grpc-kit';
import { createFop, saveVariables } from '@ser/models';
import { openPlatform, type Platform, type RunningService } from '@ser/runtime';
import { writeFourSpeakerCorpus } from './four-speaker-corpus';

// A FOP small enough to run in a test, with the paper's two layers (so h2 exists).
const TINY_FOP = { nMels: 80, dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 2, dropout: 0.1 };
const RUN = { method: 'fop-hypercolumns', seed: 3, protocol: { kind: 'speaker-holdout' } };
const CLASSIFIERS = [
  { classifier: 'svm', representation: 'concat', svm: { kernel: 'rbf', C: 1 } },
  { classifier: 'random-forest', representation: 'add', randomForest: { nEstimators: 10, maxDepth: 6 } },
  { classifier: 'attention-lstm', representation: 'h2', attentionLstm: { units: 8, attentionUnits: 4, epochs: 3, batchSize: 8, patience: 5, maxFrames: 40 } },
] as const;

interface StoredEvaluation {
  method: string;
  folds: Array<{ trainSpeakers: string[]; validationSpeakers: string[]; testSpeakers: string[]; counts: { train: number; validation: number; test: number }; epochsRun: number }>;
  finalModel: { artifactKey: string };
}

describe('FOP hypercolumn classifier runs (in-process platform)', () => {
  let dataDir: string;
  let bus: InProcessBus;
  let platform: Platform;
  let features: RunningService;
  let trainer: RunningService;
  let client: ClassifierTrainingServiceClient;
  let datasetVersionId = '';
  let checkpointId = '';
  const saved: Envelope[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-hypercolumns-'));
    const corpus = join(dataDir, 'corpora', 'four');
    mkdirSync(corpus, { recursive: true });
    await writeFourSpeakerCorpus(corpus, 2);
    bus = createInProcessBus();
    const config = loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_FEATURE_WORKERS: '1', SER_LOG_LEVEL: 'warn' }, overrides: ['--ports.features=0', '--ports.classifierTrainer=0'] });
    platform = await openPlatform(config, { bus });
    features = await startFeaturesService(platform);
    trainer = await startClassifierTrainerService(platform, { port: 0, featuresAddress: features.address });
    await bus.subscribe({ groupId: 'test-hypercolumn-checkpoints', topics: [TOPICS.checkpointSaved], fromBeginning: true, handler: async (e) => void saved.push(e) });

    const proto = loadSerProto().grpc.ser.v1;
    const featureClient = createClient<FeatureServiceClient>(proto.FeatureService, features.address, { deadlineMs: 120_000 });
    for await (const m of iterateStream(featureClient.IngestDataset({ corpusName: 'four', format: 'DATASET_FORMAT_URDU', uri: corpus }))) {
      if (m.datasetVersion) datasetVersionId = m.datasetVersion.id;
    }
    closeClient(featureClient);
    client = createClient<ClassifierTrainingServiceClient>(proto.ClassifierTrainingService, trainer.address, { deadlineMs: 30_000 });

    // A pre-training checkpoint in the FOP pre-trainer's format, made directly: a run record, its checkpoint
    // record, and checkpoints/<run>/epoch-0000/{checkpoint.json, weights.bin}.
    const pretrainRun = await platform.store.runs.create({ kind: 'fop-pretrain', config: { model: TINY_FOP } });
    const fop = createFop(TINY_FOP, 11);
    const { data, manifest } = saveVariables(fop.variables);
    fop.dispose();
    const prefix = `checkpoints/${pretrainRun.id}/epoch-0000`;
    await platform.artifacts.put(`${prefix}/weights.bin`, data);
    await platform.artifacts.put(`${prefix}/checkpoint.json`, Buffer.from(JSON.stringify({ weights: { manifest } })));
    checkpointId = (await platform.store.checkpoints.add({ runId: pretrainRun.id, epoch: 0, artifactKey: prefix })).id;
  }, 120_000);

  afterAll(async () => {
    closeClient(client);
    await trainer?.stop();
    await features?.stop();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const watchToEnd = async (runId: string): Promise<Run__Output> => {
    let last: Run__Output | null = null;
    for await (const m of iterateStream(client.WatchClassifierRun({ runId }, deadlineIn(120_000)))) if (m.run) last = m.run;
    return last!;
  };

  it.each(CLASSIFIERS)('$classifier on $representation: trains through the run manager and stores a servable model and the evaluation', async (settings) => {
    expect(datasetVersionId).not.toBe('');
    const { run } = await callUnary(client, 'StartClassifierRun', { configJson: JSON.stringify({ ...RUN, ...settings }), datasetVersionIds: [datasetVersionId], checkpointId });
    const final = await watchToEnd(run!.id);
    expect(final.status, final.error).toBe('RUN_STATUS_SUCCEEDED');
    for (const name of ['wa', 'ua', 'macroF1']) {
      expect(final.metrics[name]).toBeGreaterThanOrEqual(0);
      expect(final.metrics[name]).toBeLessThanOrEqual(1);
    }
    expect(final.lineage!.checkpointId).toBe(checkpointId);

    const { evaluation } = await callUnary(client, 'GetClassifierRunEvaluation', { runId: run!.id });
    expect(evaluation!.protocol).toBe('speaker-holdout');
    expect(evaluation!.labels).toEqual(['angry', 'happy', 'neutral', 'sad']);
    // Two of the four speakers (8 clips each) are the test set; each is classified once.
    expect(evaluation!.confusionMatrix!.counts.reduce((a, b) => a + b, 0)).toBe(16);
    expect(evaluation!.perClassRecall.map((r) => r.support)).toEqual([4, 4, 4, 4]);
    expect(evaluation!.metrics.wa).toBeCloseTo(final.metrics.wa!, 10);

    const stored = JSON.parse((await platform.artifacts.get(`evaluations/${run!.id}.json`)).toString('utf8')) as StoredEvaluation;
    expect(stored.method).toBe('fop-hypercolumns');
    const fold = stored.folds[0]!;
    for (const speaker of fold.testSpeakers) {
      expect(fold.trainSpeakers).not.toContain(speaker);
      expect(fold.validationSpeakers).not.toContain(speaker);
    }
    if (settings.classifier === 'attention-lstm') {
      expect(fold.validationSpeakers).toHaveLength(1); // carved from the training speakers for early stopping
      expect(fold.epochsRun).toBeGreaterThan(0);
    } else {
      expect(fold.counts).toEqual({ train: 16, validation: 0, test: 16 }); // no early stopping: all training speakers
    }

    const model = JSON.parse((await platform.artifacts.get(`models/${run!.id}/model.json`)).toString('utf8')) as Record<string, unknown> & { fop: { config: { dModel: number } } };
    expect(model.kind).toBe(settings.classifier === 'attention-lstm' ? 'fop-hypercolumn-attention-lstm' : 'fop-hypercolumn-classical');
    expect(model.representation).toBe(settings.representation);
    expect(model.fop.config.dModel).toBe(16);
    expect(await platform.artifacts.exists(`models/${run!.id}/fop.bin`)).toBe(true);
    const { checkpoints } = await callUnary(client, 'GetClassifierRun', { runId: run!.id });
    expect(checkpoints.map((c) => c.uri)).toEqual([`models/${run!.id}`]);
    await expect.poll(() => saved.filter((e) => (e.data as { runId: string }).runId === run!.id).length).toBe(1);
  }, 120_000);

  it('refuses a hypercolumn run without a checkpoint or with an unknown representation (INVALID_ARGUMENT)', async () => {
    const start = (config: object, checkpoint = '') =>
      callUnary(client, 'StartClassifierRun', { configJson: JSON.stringify(config), datasetVersionIds: [datasetVersionId], checkpointId: checkpoint }).catch((e: { code: number }) => e);
    expect(await start({ ...RUN, ...CLASSIFIERS[0] })).toMatchObject({ code: 3 });
    expect(await start({ ...RUN, ...CLASSIFIERS[0], representation: 'h3' }, checkpointId)).toMatchObject({ code: 3 });
  });
});
