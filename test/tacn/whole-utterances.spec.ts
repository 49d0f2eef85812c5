import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run__Output, UtterancePrediction__Output } from '@ser/contracts';
import { evaluate } from '@ser/evaluation';
import { callUnary, deadlineIn, iterateStream } from '@ser/grpc-kit';
import type { Utterance } from '@ser/store';
import { startTrainAndServe, type TrainAndServe } from '../inference/train-and-serve';

// Issue 12: a sequence model trains on windows of at most maxSegments segments, but classifies whole, length-masked
// utterances at test time. Job level: a real sequence-model run whose training windows (1 segment) are far
// shorter than every test utterance, checked against the served model, which reads whole utterances:
// - the run's test predictions (its confusion) are the kept model's predictions on whole utterances;
// - an utterance scored alone gets the probabilities it gets in a batch.
// The four-speaker corpus's clips are all 0.6 s (4 segments), so batches here need no padding: the padding mask is
// checked at model level (tacn.spec.ts, 'classifies a padded utterance like the unpadded one'), not by this spec.
const SEGMENT_S = 2120 / 16_000; // the stored segments' hop: 132.5 ms
const MAX_SEGMENTS = 1;
const TINY_SEQUENCE = { cnnFilters: [2, 2, 2], representationUnits: 8, channels: 4, layers: 2, numHeads: 2, dropout: 0.1 };
const RUN = {
  method: 'sequence-model',
  sequenceModel: 'tacn',
  features: 'deep',
  seed: 5,
  protocol: { kind: 'speaker-holdout' },
  optimizer: 'adam',
  learningRate: 0.01,
  epochs: 3,
  batchSize: 8,
  patience: 3,
  maxSegments: MAX_SEGMENTS,
  model: TINY_SEQUENCE,
};

describe('sequence models classify whole utterances at test time (job level)', () => {
  let env: TrainAndServe;

  beforeAll(async () => {
    env = await startTrainAndServe('ser-whole-utterances-', { maxBatchWaitMs: 2 });
  }, 180_000);

  afterAll(async () => env?.stop());

  it('the run tests on whole utterances: its confusion is the served model’s, and batching changes no probability', async () => {
    const { trainer, inference, platform, datasetVersionId } = env;
    const { run } = await callUnary(trainer, 'StartClassifierRun', {
      configJson: JSON.stringify(RUN),
      datasetVersionIds: [datasetVersionId],
      modelName: 'whole-utterances',
    });
    let final: Run__Output | null = null;
    for await (const m of iterateStream(trainer.WatchClassifierRun({ runId: run!.id }, deadlineIn(300_000)))) if (m.run) final = m.run;
    expect(final!.status, final!.error).toBe('RUN_STATUS_SUCCEEDED');
    const model = { name: final!.outputModel!.name, version: final!.outputModel!.version };

    const stored = JSON.parse((await platform.artifacts.get(`evaluations/${final!.id}.json`)).toString('utf8')) as { folds: Array<{ testSpeakers: string[] }> };
    const speakers = stored.folds[0]!.testSpeakers;
    const page = await platform.store.datasets.listUtterances(datasetVersionId, { first: 1000 });
    const test: Utterance[] = page.edges.map((e) => e.node).filter((u) => speakers.includes(u.speaker ?? ''));
    expect(test).toHaveLength(16);
    // Every test utterance is several training windows long.
    const segments = test.map((u) => Math.floor(u.durationS / SEGMENT_S));
    expect(Math.min(...segments)).toBeGreaterThan(3 * MAX_SEGMENTS);

    const predict = async (ids: string[]) => {
      const out: UtterancePrediction__Output[] = [];
      for await (const m of iterateStream(inference.BatchPredict({ datasetVersionId, model, utteranceIds: ids, recordOptOut: true }, deadlineIn(120_000))))
        out.push(...m.predictions);
      return out;
    };
    const batched = await predict(test.map((u) => u.utteranceId));
    expect(batched).toHaveLength(16);

    // Speaker hold-out has one fold, whose model is the kept one: the trainer's test predictions are the whole-utterance ones.
    const { evaluation } = await callUnary(trainer, 'GetClassifierRunEvaluation', { runId: final!.id });
    const labels = evaluation!.confusionMatrix!.labels;
    const served = evaluate(
      batched.map((p) => p.trueLabel),
      batched.map((p) => p.prediction!.label),
      labels,
    ).confusion.matrix.flat();
    expect(served).toEqual(evaluation!.confusionMatrix!.counts);

    // Batch composition changes nothing: the first and last test utterance alone score as they did inside the batch.
    for (const u of [test[0]!, test.at(-1)!]) {
      const [alone] = await predict([u.utteranceId]);
      const inBatch = batched.find((p) => p.utteranceId === u.utteranceId)!;
      alone!.prediction!.classProbabilities.forEach((c, i) => expect(c.probability).toBeCloseTo(inBatch.prediction!.classProbabilities[i]!.probability, 5));
    }
  }, 420_000);
});
