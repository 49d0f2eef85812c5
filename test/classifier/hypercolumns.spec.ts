import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callUnary } from '@ser/grpc-kit';
import { readKeptModel, readModelCard } from '@ser/model-artifacts';
import { createFop } from '@ser/models';
import { startClassifierHarness, writePretrainedCheckpoint, type ClassifierHarness } from './classifier-harness';

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
  folds: Array<{
    trainSpeakers: string[];
    validationSpeakers: string[];
    testSpeakers: string[];
    counts: { train: number; validation: number; test: number };
    epochsRun: number;
  }>;
  finalModel: { artifactKey: string };
}

describe('FOP hypercolumn classifier runs (in-process platform)', () => {
  let h: ClassifierHarness;
  let checkpointId = '';

  beforeAll(async () => {
    h = await startClassifierHarness('hypercolumns');
    const fop = createFop(TINY_FOP, 11);
    checkpointId = await writePretrainedCheckpoint(h.platform, 'fop-pretrain', TINY_FOP, fop.variables);
    fop.dispose();
  }, 120_000);

  afterAll(() => h?.stop());

  it.each(CLASSIFIERS)(
    '$classifier on $representation: trains through the run manager and stores a servable model and the evaluation',
    async (settings) => {
      expect(h.datasetVersionId).not.toBe('');
      const { run } = await callUnary(h.client, 'StartClassifierRun', {
        configJson: JSON.stringify({ ...RUN, ...settings }),
        datasetVersionIds: [h.datasetVersionId],
        checkpointId,
      });
      const final = await h.watchToEnd(run!.id);
      expect(final.status, final.error).toBe('RUN_STATUS_SUCCEEDED');
      for (const name of ['wa', 'ua', 'macroF1']) {
        expect(final.metrics[name]).toBeGreaterThanOrEqual(0);
        expect(final.metrics[name]).toBeLessThanOrEqual(1);
      }
      expect(final.lineage!.checkpointId).toBe(checkpointId);

      const { evaluation } = await callUnary(h.client, 'GetClassifierRunEvaluation', { runId: run!.id });
      expect(evaluation!.protocol).toBe('speaker-holdout');
      expect(evaluation!.labels).toEqual(['angry', 'happy', 'neutral', 'sad']);
      // Two of the four speakers (8 clips each) are the test set; each is classified once.
      expect(evaluation!.confusionMatrix!.counts.reduce((a, b) => a + b, 0)).toBe(16);
      expect(evaluation!.perClassRecall.map((r) => r.support)).toEqual([4, 4, 4, 4]);
      expect(evaluation!.metrics.wa).toBeCloseTo(final.metrics.wa!, 10);

      const stored = JSON.parse((await h.platform.artifacts.get(`evaluations/${run!.id}.json`)).toString('utf8')) as StoredEvaluation;
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

      const model = await readKeptModel(h.platform.artifacts, `models/${run!.id}`);
      if (model.kind !== 'fop-hypercolumn-attention-lstm' && model.kind !== 'fop-hypercolumn-classical') throw new Error(`kept a ${model.kind}`);
      expect(model.kind).toBe(settings.classifier === 'attention-lstm' ? 'fop-hypercolumn-attention-lstm' : 'fop-hypercolumn-classical');
      expect(model.representation).toBe(settings.representation);
      expect(model.fop.config.dModel).toBe(16);
      expect(model.fop.weights).toMatchObject({ file: 'fop.safetensors', format: 'safetensors' });
      expect(await h.platform.artifacts.exists(`models/${run!.id}/fop.safetensors`)).toBe(true);
      const { checkpoints } = await callUnary(h.client, 'GetClassifierRun', { runId: run!.id });
      expect(checkpoints.map((c) => c.uri)).toEqual([`models/${run!.id}`]);
      await expect.poll(() => h.saved.filter((e) => (e.data as { runId: string }).runId === run!.id).length).toBe(1);
    },
    120_000,
  );

  it('normalises per speaker through the run manager, and the model card says the evaluation did and serving cannot', async () => {
    const { run } = await callUnary(h.client, 'StartClassifierRun', {
      configJson: JSON.stringify({ ...RUN, classifier: 'svm', representation: 'F', pooling: 'mean-std', normalize: 'per-speaker' }),
      datasetVersionIds: [h.datasetVersionId],
      checkpointId,
    });
    const final = await h.watchToEnd(run!.id);
    expect(final.status, final.error).toBe('RUN_STATUS_SUCCEEDED');
    const card = await readModelCard(h.platform.artifacts, `models/${run!.id}`);
    expect(card!.knownLimits.join(' ')).toMatch(/measured with per-speaker feature normalisation/);
    const model = await readKeptModel(h.platform.artifacts, `models/${run!.id}`);
    if (model.kind !== 'fop-hypercolumn-classical') throw new Error(`kept a ${model.kind}`);
    // The served SVM reads raw pooled log-mel statistics: its standardiser holds their scale, not the unit one.
    if (model.classifier.kind !== 'svm') throw new Error('kept a forest');
    expect(Math.max(...model.classifier.standardizer.mean.map(Math.abs))).toBeGreaterThan(1);
  }, 120_000);

  it('refuses a hypercolumn run without a checkpoint or with an unknown representation (INVALID_ARGUMENT)', async () => {
    const start = (config: object, checkpoint = '') =>
      callUnary(h.client, 'StartClassifierRun', {
        configJson: JSON.stringify(config),
        datasetVersionIds: [h.datasetVersionId],
        checkpointId: checkpoint,
      }).catch((e: { code: number }) => e);
    expect(await start({ ...RUN, ...CLASSIFIERS[0] })).toMatchObject({ code: 3 });
    expect(await start({ ...RUN, ...CLASSIFIERS[0], representation: 'h3' }, checkpointId)).toMatchObject({ code: 3 });
  });
});
