import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callUnary } from '@ser/grpc-kit';
import { readKeptModel, readModelCard } from '@ser/model-artifacts';
import { createVqvae } from '@ser/models';
import { startClassifierHarness, writePretrainedCheckpoint, type ClassifierHarness } from '../classifier/classifier-harness';

// A VQ-VAE small enough for a test: 32 frames -> 8 latent steps x 4 channels = 32 latent units per segment.
const TINY_VQVAE = { hiddenChannels: 4, embeddingDim: 4, codebookSize: 8, downsamplings: 2 };
// A CNN of 2 filters per layer and sequence models of 4-8 units: seconds per fold on 2 cores.
const TINY_MODEL = { cnnFilters: [2, 2, 2], representationUnits: 8, fusionUnits: 8, channels: 4, layers: 2, numHeads: 2, rnnUnits: 4, dropout: 0.1 };
const RUN = {
  method: 'sequence-model',
  seed: 3,
  protocol: { kind: 'speaker-holdout' },
  epochs: 2,
  batchSize: 8,
  patience: 2,
  maxSegments: 4,
  model: TINY_MODEL,
};

describe("sequence-model classifier runs (TACN paper's method, in-process platform)", () => {
  let h: ClassifierHarness;
  let checkpointId = '';

  beforeAll(async () => {
    h = await startClassifierHarness('sequence-model');
    const vqvae = createVqvae({ ...TINY_VQVAE, frames: 32, bins: 129 }, 5);
    checkpointId = await writePretrainedCheckpoint(h.platform, 'vqvae-pretrain', TINY_VQVAE, vqvae.variables, {
      'normalisation.json': { mean: new Array(129).fill(-3), std: new Array(129).fill(2) },
    });
    vqvae.dispose();
  }, 120_000);

  afterAll(() => h?.stop());

  const cases = [
    { name: 'Deep TACN', settings: { sequenceModel: 'tacn', features: 'deep' } },
    { name: 'Fusion BiGRU (VQ-VAE fine-tuned 1 epoch)', settings: { sequenceModel: 'bigru', features: 'fusion', vqvaeFineTuneEpochs: 1 } },
  ] as const;

  it.each(cases)(
    '$name: trains through the run manager, stores the evaluation and a rebuildable model',
    async ({ settings }) => {
      expect(h.datasetVersionId).not.toBe('');
      const fusion = settings.features === 'fusion';
      const { run } = await callUnary(h.client, 'StartClassifierRun', {
        configJson: JSON.stringify({ ...RUN, ...settings }),
        datasetVersionIds: [h.datasetVersionId],
        checkpointId: fusion ? checkpointId : '',
      });
      const final = await h.watchToEnd(run!.id);
      expect(final.status, final.error).toBe('RUN_STATUS_SUCCEEDED');
      expect(final.lineage!.checkpointId).toBe(fusion ? checkpointId : '');
      const resolved = JSON.parse(final.configJson) as Record<string, unknown>;
      expect(resolved).toMatchObject({ optimizer: 'adam', segmentHop: 2120, ...(fusion ? { vqvaeCheckpointId: checkpointId } : {}) });

      const { evaluation } = await callUnary(h.client, 'GetClassifierRunEvaluation', { runId: run!.id });
      expect(evaluation!.labels).toEqual(['angry', 'happy', 'neutral', 'sad']);
      // Two of the four speakers (8 clips each) are the test set; each clip is classified once.
      expect(evaluation!.confusionMatrix!.counts.reduce((a, b) => a + b, 0)).toBe(16);
      expect(evaluation!.perClassRecall.map((r) => r.support)).toEqual([4, 4, 4, 4]);
      for (const name of ['wa', 'ua', 'macroF1'] as const) {
        expect(evaluation!.metrics[name]).toBeGreaterThanOrEqual(0);
        expect(evaluation!.metrics[name]).toBeLessThanOrEqual(1);
      }
      const stored = JSON.parse((await h.platform.artifacts.get(`evaluations/${run!.id}.json`)).toString('utf8')) as {
        method: string;
        pretrainedCheckpointId: string | null;
        folds: Array<{ testSpeakers: string[]; trainSpeakers: string[]; validationSpeakers: string[]; epochsRun: number }>;
      };
      expect(stored.method).toBe('sequence-model');
      expect(stored.pretrainedCheckpointId).toBe(fusion ? checkpointId : null);
      const fold = stored.folds[0]!;
      expect(fold.validationSpeakers).toHaveLength(1);
      expect(fold.epochsRun).toBeGreaterThan(0);
      for (const speaker of fold.testSpeakers) expect([...fold.trainSpeakers, ...fold.validationSpeakers]).not.toContain(speaker);

      // The test utterances' representations for t-SNE: one per test clip, the deep one 8 wide, the fused one too.
      const representations = await callUnary(h.client, 'GetClassifierRunRepresentations', { runId: run!.id });
      expect(representations.features).toBe(settings.features);
      expect(representations.utterances).toHaveLength(16);
      expect(representations.utterances.map((u) => u.label).sort()).toEqual(['angry', 'happy', 'neutral', 'sad'].flatMap((l) => [l, l, l, l]));
      for (const u of representations.utterances) {
        expect(u.deep).toHaveLength(8);
        expect(u.deep.every(Number.isFinite)).toBe(true);
        expect(u.fused).toHaveLength(fusion ? 8 : 0);
      }
      expect(new Set(representations.utterances.map((u) => u.deep.join())).size).toBeGreaterThan(1);

      const model = await readKeptModel(h.platform.artifacts, `models/${run!.id}`);
      if (model.kind !== 'sequence-model') throw new Error(`kept a ${model.kind}`);
      expect(model).toMatchObject({ kind: 'sequence-model', sequenceModel: settings.sequenceModel, features: settings.features, classes: evaluation!.labels });
      expect(model.network.cnn.representationUnits).toBe(8);
      expect(model.weights.manifest.some((e) => e.name.startsWith('cnn.'))).toBe(true);
      expect(model.weights.manifest.some((e) => e.name.startsWith('classifier.'))).toBe(true);
      expect(model.weights).toMatchObject({ file: 'weights.safetensors', format: 'safetensors' });
      expect(await h.platform.artifacts.exists(`models/${run!.id}/weights.safetensors`)).toBe(true);
      if (fusion) {
        expect(model.network.fusion!.latentUnits).toBe(32); // 8 latent steps x 4 channels
        expect(model.vqvae!.config.hiddenChannels).toBe(4);
        expect(model.vqvae!.weights).toMatchObject({ file: 'vqvae.safetensors', format: 'safetensors' });
        expect(await h.platform.artifacts.exists(`models/${run!.id}/vqvae.safetensors`)).toBe(true);
        expect(model.lineage.vqvaeCheckpointId).toBe(checkpointId);
      } else {
        expect(model.network.fusion).toBeNull();
        expect(model.vqvae).toBeNull();
      }

      // The model card beside it: the data, the protocol's kept fold, the labels and the segment front end it needs.
      const card = await readModelCard(h.platform.artifacts, `models/${run!.id}`);
      expect(card).toMatchObject({
        model: { kind: 'sequence-model', method: 'sequence-model', runId: run!.id },
        data: { datasetVersionId: h.datasetVersionId, utterances: 32, speakers: 4 },
        protocol: { kind: 'speaker-holdout' },
        labels: evaluation!.labels,
        input: { featureKind: 'spectrogram-segments', shape: '[segments, 32, 129]', frontEnd: { segmentHopSamples: 2120 } },
        lineage: { vqvaeCheckpointId: fusion ? checkpointId : null },
      });
      expect(card!.evaluation.keptFold.testSpeakers).toEqual(fold.testSpeakers);
      expect(card!.evaluation.ua.mean).toBeCloseTo(evaluation!.metrics.ua!, 10);
      expect(await h.platform.artifacts.exists(`models/${run!.id}/model-card.md`)).toBe(true);
    },
    240_000,
  );

  it('GetClassifierRunRepresentations: NOT_FOUND for an unknown run', async () => {
    const err = await callUnary(h.client, 'GetClassifierRunRepresentations', { runId: '00000000-0000-4000-8000-000000000000' }).catch(
      (e: { code: number }) => e,
    );
    expect(err).toMatchObject({ code: 5 });
  });

  it("refuses 'fusion' without a VQ-VAE checkpoint, a FOP-style key, and an unknown sequence model (INVALID_ARGUMENT)", async () => {
    const start = (config: object) =>
      callUnary(h.client, 'StartClassifierRun', { configJson: JSON.stringify(config), datasetVersionIds: [h.datasetVersionId] }).catch(
        (e: { code: number }) => e,
      );
    expect(await start({ ...RUN, sequenceModel: 'tacn', features: 'fusion' })).toMatchObject({ code: 3 });
    expect(await start({ ...RUN, sequenceModel: 'tacn', features: 'deep', cropFrames: 300 })).toMatchObject({ code: 3 });
    expect(await start({ ...RUN, sequenceModel: 'transformer', features: 'deep' })).toMatchObject({ code: 3 });
    expect(await start({ ...RUN, sequenceModel: 'tcn', features: 'deep', segmentHop: 1000 })).toMatchObject({ code: 3 });
  });
});
