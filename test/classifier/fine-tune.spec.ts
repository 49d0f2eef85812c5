import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Run__Output } from '@ser/contracts';
import { callUnary, deadlineIn, iterateStream } from '@ser/grpc-kit';
import { createFop } from '@ser/models';
import { startClassifierHarness, writePretrainedCheckpoint, type ClassifierHarness } from './classifier-harness';

// A FOP small enough to fine-tune in seconds, with the paper's structure.
const TINY_FOP = { nMels: 80, dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1, dropout: 0.1 };
const RUN = { method: 'fop-fine-tune', epochs: 3, batchSize: 8, cropFrames: 40, patience: 5, seed: 3, protocol: { kind: 'speaker-holdout' } };

interface StoredEvaluation {
  folds: Array<{ trainSpeakers: string[]; validationSpeakers: string[]; testSpeakers: string[]; counts: { test: number } }>;
  finalModel: { artifactKey: string };
}

describe('FOP fine-tuning classifier runs (in-process platform)', () => {
  let h: ClassifierHarness;
  let checkpointId = '';

  beforeAll(async () => {
    h = await startClassifierHarness('fine-tune');
    const fop = createFop(TINY_FOP, 11);
    checkpointId = await writePretrainedCheckpoint(h.platform, 'fop-pretrain', TINY_FOP, fop.variables);
    fop.dispose();
  }, 120_000);

  afterAll(() => h?.stop());

  it('fine-tunes with and without a pre-trained checkpoint and serves a speaker-independent evaluation', async () => {
    expect(h.datasetVersionId).not.toBe('');
    const scratch = await callUnary(h.client, 'StartClassifierRun', {
      configJson: JSON.stringify({ ...RUN, model: TINY_FOP }),
      datasetVersionIds: [h.datasetVersionId],
    });
    const transfer = await callUnary(h.client, 'StartClassifierRun', {
      configJson: JSON.stringify(RUN),
      datasetVersionIds: [h.datasetVersionId],
      checkpointId,
    });
    expect(scratch.run!.status).toBe('RUN_STATUS_QUEUED');

    for (const { run } of [scratch, transfer]) {
      const final = await h.watchToEnd(run!.id);
      expect(final.status, final.error).toBe('RUN_STATUS_SUCCEEDED');
      for (const name of ['wa', 'ua', 'macroF1']) {
        expect(final.metrics[name]).toBeGreaterThanOrEqual(0);
        expect(final.metrics[name]).toBeLessThanOrEqual(1);
      }
      expect(final.metrics.waStd).toBeUndefined(); // one repeat has no spread
      expect(final.lineage!.datasetVersionIds).toEqual([h.datasetVersionId]);

      const { evaluation } = await callUnary(h.client, 'GetClassifierRunEvaluation', { runId: run!.id });
      expect(evaluation!.runId).toBe(run!.id);
      expect(evaluation!.protocol).toBe('speaker-holdout');
      expect(evaluation!.labels).toEqual(['angry', 'happy', 'neutral', 'sad']);
      expect(evaluation!.confusionMatrix!.counts).toHaveLength(16);
      // Two of the four speakers (8 clips each) are the test set.
      expect(evaluation!.confusionMatrix!.counts.reduce((a, b) => a + b, 0)).toBe(16);
      expect(evaluation!.folds).toHaveLength(1);
      expect(evaluation!.metrics.wa).toBeCloseTo(final.metrics.wa!, 10);
      expect(evaluation!.perClassRecall.map((r) => r.support)).toEqual([4, 4, 4, 4]);

      const stored = JSON.parse((await h.platform.artifacts.get(`evaluations/${run!.id}.json`)).toString('utf8')) as StoredEvaluation;
      const fold = stored.folds[0]!;
      expect(fold.counts.test).toBe(16);
      expect(fold.testSpeakers).toHaveLength(2);
      for (const speaker of fold.testSpeakers) {
        expect(fold.trainSpeakers).not.toContain(speaker);
        expect(fold.validationSpeakers).not.toContain(speaker);
      }
      expect(await h.platform.artifacts.exists(`${stored.finalModel.artifactKey}/model.json`)).toBe(true);
      await expect.poll(() => h.saved.filter((e) => (e.data as { runId: string }).runId === run!.id).length).toBe(1);
    }
    const transferRun = await callUnary(h.client, 'GetClassifierRun', { runId: transfer.run!.id });
    expect(transferRun.run!.lineage!.checkpointId).toBe(checkpointId);
    expect(transferRun.checkpoints.map((c) => c.uri)).toEqual([`models/${transfer.run!.id}`]); // the model kept for serving
    expect(JSON.parse(transferRun.run!.configJson).model).toMatchObject({ dModel: 16, numLayers: 1 }); // taken from the checkpoint
  }, 120_000);

  it('streams per-epoch progress and cancels a running run between steps, and a queued one at once', async () => {
    const long = { configJson: JSON.stringify({ ...RUN, model: TINY_FOP, epochs: 500, patience: 500 }), datasetVersionIds: [h.datasetVersionId] };
    const { run } = await callUnary(h.client, 'StartClassifierRun', long);
    const { run: queued } = await callUnary(h.client, 'StartClassifierRun', long);
    await callUnary(h.client, 'CancelClassifierRun', { runId: queued!.id });
    expect((await h.watchToEnd(queued!.id)).status).toBe('RUN_STATUS_CANCELLED');
    const messages: string[] = [];
    let final: Run__Output | null = null;
    for await (const m of iterateStream(h.client.WatchClassifierRun({ runId: run!.id }, deadlineIn(120_000)))) {
      messages.push(m.progress!.message);
      if (m.progress!.message === 'repeat 0 fold 0 epoch 1') await callUnary(h.client, 'CancelClassifierRun', { runId: run!.id });
      if (m.run) final = m.run;
    }
    expect(messages).toContain('repeat 0 fold 0 epoch 0');
    expect(final!.status).toBe('RUN_STATUS_CANCELLED');
    expect(final!.progress).toBeLessThan(0.1);
    const evaluation = await callUnary(h.client, 'GetClassifierRunEvaluation', { runId: run!.id }).catch((e: { code: number }) => e);
    expect(evaluation).toMatchObject({ code: 9 }); // FAILED_PRECONDITION: no evaluation
  });

  it('refuses a bad config with INVALID_ARGUMENT and an unknown checkpoint with NOT_FOUND', async () => {
    const start = (configJson: string, checkpoint = '') =>
      callUnary(h.client, 'StartClassifierRun', { configJson, datasetVersionIds: [h.datasetVersionId], checkpointId: checkpoint }).catch(
        (e: { code: number }) => e,
      );
    expect(await start(JSON.stringify({ ...RUN, epochs: -1 }))).toMatchObject({ code: 3 });
    expect(await start(JSON.stringify({ ...RUN, learningRat: 0.1 }))).toMatchObject({ code: 3 });
    expect(await start('{not json')).toMatchObject({ code: 3 });
    // The checkpoint fixes the architecture: a different width cannot load its weights.
    expect(await start(JSON.stringify({ ...RUN, model: { dModel: 32 } }), checkpointId)).toMatchObject({ code: 3 });
    expect(await start(JSON.stringify(RUN), 'no-such-checkpoint')).toMatchObject({ code: 5 });
    const missing = await callUnary(h.client, 'GetClassifierRunEvaluation', { runId: 'no-such-run' }).catch((e: { code: number }) => e);
    expect(missing).toMatchObject({ code: 5 });
  });
});
