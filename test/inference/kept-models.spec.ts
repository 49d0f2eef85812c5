import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassifierTrainingServiceClient, InferenceServiceClient, Run__Output, UtterancePrediction__Output } from '@ser/contracts';
import { evaluate } from '@ser/evaluation';
import { callUnary, deadlineIn, iterateStream } from '@ser/grpc-kit';
import { createFop, createVqvae } from '@ser/models';
import type { Platform } from '@ser/runtime';
import type { Utterance } from '@ser/store';
import { writePretrainedCheckpoint } from '../classifier/classifier-harness';
import { startTrainAndServe, type TrainAndServe } from './train-and-serve';

// Tiny models (as test/classifier/hypercolumns.spec.ts and test/tacn/sequence-model.spec.ts train them): seconds each.
const TINY_FOP = { nMels: 80, dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 2, dropout: 0.1 };
const TINY_VQVAE = { hiddenChannels: 4, embeddingDim: 4, codebookSize: 8, downsamplings: 2 };
const TINY_SEQUENCE = { cnnFilters: [2, 2, 2], representationUnits: 8, fusionUnits: 8, channels: 4, layers: 2, numHeads: 2, rnnUnits: 4, dropout: 0.1 };
const COMMON = { seed: 3, protocol: { kind: 'speaker-holdout' } };
const CASES = [
  {
    name: 'SVM on concat hypercolumns',
    kind: 'fop-hypercolumn-classical',
    checkpoint: 'fop',
    config: { method: 'fop-hypercolumns', classifier: 'svm', representation: 'concat', svm: { kernel: 'rbf', C: 1 } },
  },
  {
    // The log-mel statistics baseline of the issue-13 tables: per-band mean and standard deviation, C and gamma tuned
    // on the training speakers. Serving must pool the same way, or the feature sizes (160 vs 80) disagree. Without a
    // FOP checkpoint, as the TACN tables run it: representation F reads the log-mel frames only.
    name: 'tuned SVM on log-mel mean + std (the baseline)',
    kind: 'fop-hypercolumn-classical',
    checkpoint: null,
    // With Platt probabilities, as the training recipe's SVM: served probabilities, and labels that are their argmax.
    config: {
      method: 'fop-hypercolumns',
      classifier: 'svm',
      representation: 'F',
      pooling: 'mean-std',
      svm: { search: { C: [1, 10], gammaScale: [0.5, 1], folds: 2 }, probability: true },
    },
  },
  {
    // Served with its trees' class distribution rather than one class at probability 1.
    name: 'random forest on h2 hypercolumns, mean + std',
    kind: 'fop-hypercolumn-classical',
    checkpoint: 'fop',
    config: {
      method: 'fop-hypercolumns',
      classifier: 'random-forest',
      representation: 'h2',
      pooling: 'mean-std',
      randomForest: { nEstimators: 10, maxDepth: 6 },
    },
  },
  {
    name: 'attention-LSTM on h2 hypercolumns',
    kind: 'fop-hypercolumn-attention-lstm',
    checkpoint: 'fop',
    config: {
      method: 'fop-hypercolumns',
      classifier: 'attention-lstm',
      representation: 'h2',
      attentionLstm: { units: 8, attentionUnits: 4, epochs: 3, batchSize: 8, patience: 5, maxFrames: 40 },
    },
  },
  {
    name: 'deep TACN',
    kind: 'sequence-model',
    checkpoint: null,
    config: {
      method: 'sequence-model',
      sequenceModel: 'tacn',
      features: 'deep',
      optimizer: 'adam',
      learningRate: 0.01,
      epochs: 6,
      batchSize: 8,
      patience: 6,
      maxSegments: 4,
      model: TINY_SEQUENCE,
    },
  },
  {
    name: 'fusion BiGRU (VQ-VAE latents)',
    kind: 'sequence-model',
    checkpoint: 'vqvae',
    config: {
      method: 'sequence-model',
      sequenceModel: 'bigru',
      features: 'fusion',
      vqvaeFineTuneEpochs: 1,
      optimizer: 'adam',
      learningRate: 0.01,
      epochs: 6,
      batchSize: 8,
      patience: 6,
      maxSegments: 4,
      model: TINY_SEQUENCE,
    },
  },
] as const;

describe('inference serves every kind of model a classifier run keeps, as the trainer predicted', () => {
  let env: TrainAndServe;
  let corpus: string;
  let platform: Platform;
  let trainer: ClassifierTrainingServiceClient;
  let inference: InferenceServiceClient;
  let datasetVersionId = '';
  const checkpoints: Record<string, string> = {};

  beforeAll(async () => {
    env = await startTrainAndServe('ser-kept-models-', { maxBatchWaitMs: 2 });
    ({ corpus, platform, trainer, inference, datasetVersionId } = env);
    const fop = createFop(TINY_FOP, 11);
    checkpoints.fop = await writePretrainedCheckpoint(platform, 'fop-pretrain', TINY_FOP, fop.variables);
    fop.dispose();
    const vqvae = createVqvae({ ...TINY_VQVAE, frames: 32, bins: 129 }, 5);
    checkpoints.vqvae = await writePretrainedCheckpoint(platform, 'vqvae-pretrain', TINY_VQVAE, vqvae.variables, {
      'normalisation.json': { mean: new Array(129).fill(-3), std: new Array(129).fill(2) },
    });
    vqvae.dispose();
  }, 300_000);

  afterAll(async () => env?.stop());

  const train = async (config: object, checkpointId: string, modelName: string): Promise<Run__Output> => {
    const { run } = await callUnary(trainer, 'StartClassifierRun', {
      configJson: JSON.stringify({ ...COMMON, ...config }),
      datasetVersionIds: [datasetVersionId],
      checkpointId,
      modelName,
    });
    let final: Run__Output | null = null;
    for await (const m of iterateStream(trainer.WatchClassifierRun({ runId: run!.id }, deadlineIn(240_000)))) if (m.run) final = m.run;
    return final!;
  };

  const utterancesOf = async (speakers: readonly string[]): Promise<Utterance[]> => {
    const page = await platform.store.datasets.listUtterances(datasetVersionId, { first: 1000 });
    return page.edges.map((e) => e.node).filter((u) => speakers.includes(u.speaker ?? ''));
  };

  it.each(CASES)(
    '$name: BatchPredict on the stored features reproduces the run’s test confusion, and Predict on the audio agrees',
    async ({ kind, checkpoint, config }) => {
      expect(datasetVersionId).not.toBe('');
      const final = await train(config, checkpoint ? checkpoints[checkpoint]! : '', `kept-${kind}`);
      expect(final.status, final.error).toBe('RUN_STATUS_SUCCEEDED');
      const model = { name: final.outputModel!.name, version: final.outputModel!.version };
      const manifest = JSON.parse((await platform.artifacts.get(`models/${final.id}/model.json`)).toString('utf8')) as { kind: string };
      expect(manifest.kind).toBe(kind);

      // Speaker hold-out has one fold, whose model is the kept one: its test confusion is the trainer's own
      // prediction of each test utterance with exactly this model on exactly these features.
      const { evaluation } = await callUnary(trainer, 'GetClassifierRunEvaluation', { runId: final.id });
      const stored = JSON.parse((await platform.artifacts.get(`evaluations/${final.id}.json`)).toString('utf8')) as {
        folds: Array<{ testSpeakers: string[] }>;
      };
      const test = await utterancesOf(stored.folds[0]!.testSpeakers);
      expect(test).toHaveLength(16);
      const served: UtterancePrediction__Output[] = [];
      for await (const m of iterateStream(
        inference.BatchPredict({ datasetVersionId, model, utteranceIds: test.map((u) => u.utteranceId), recordOptOut: true }, deadlineIn(120_000)),
      ))
        served.push(...m.predictions);
      expect(served).toHaveLength(16);
      for (const p of served) {
        expect(p.prediction!.model).toEqual(model);
        expect(p.prediction!.classProbabilities.reduce((sum, c) => sum + c.probability, 0)).toBeCloseTo(1, 5);
      }
      if (('classifier' in config && config.classifier === 'random-forest') || ('svm' in config && 'probability' in config.svm)) {
        expect(served.some((p) => p.prediction!.classProbabilities.some((c) => c.probability > 0 && c.probability < 1))).toBe(true);
      }
      const labels = evaluation!.confusionMatrix!.labels;
      const confusion = evaluate(
        served.map((p) => p.trueLabel),
        served.map((p) => p.prediction!.label),
        labels,
      ).confusion.matrix.flat();
      expect(confusion).toEqual(evaluation!.confusionMatrix!.counts);

      // From audio, the service's own front end gives the features the features service stored.
      const utterance = test[0]!;
      const { prediction } = await callUnary(inference, 'Predict', { audio: { content: readFileSync(join(corpus, utterance.path)) }, model });
      const batch = served.find((p) => p.utteranceId === utterance.utteranceId)!.prediction!;
      expect(prediction!.label).toBe(batch.label);
      prediction!.classProbabilities.forEach((c, i) => expect(c.probability).toBeCloseTo(batch.classProbabilities[i]!.probability, 4));
    },
    300_000,
  );
});
