import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSerProto, SER_SERVICE_NAMES, type ClassifierTrainingServiceHandlers } from '@ser/contracts';
import { notFound, startGrpcServer, unary, type RunningServer } from '@ser/grpc-kit';
import { gql } from './client';
import { startTestGateway, type TestGateway } from './harness';

/** A real gRPC ClassifierTrainingService that keeps representations (and an evaluation) for one run id and none for the others. */
async function startTrainerDouble(runWithRepresentations: () => string): Promise<RunningServer> {
  const handlers: Partial<ClassifierTrainingServiceHandlers> = {
    GetClassifierRunEvaluation: unary(async (req) => {
      if (req.runId !== runWithRepresentations()) throw notFound('evaluation of run', req.runId);
      const confusionMatrix = { labels: ['angry', 'sad'], counts: [3, 1, 0, 4] };
      return {
        evaluation: {
          runId: req.runId,
          protocol: 'leave-one-speaker-out',
          labels: ['angry', 'sad'],
          metrics: { ua: 0.875 },
          metricsStd: { ua: 0 },
          confusionMatrix,
          perClassRecall: [],
          folds: [{ repeat: 0, fold: 0, testSplit: 's1', metrics: { ua: 0.875 }, confusionMatrix }],
        },
      };
    }),
    GetClassifierRunRepresentations: unary(async (req) => {
      if (req.runId !== runWithRepresentations()) throw notFound('representations of run', req.runId);
      return {
        runId: req.runId,
        features: 'fusion',
        utterances: [
          { utteranceId: 'u1', label: 'sad', deep: [0.5, -1], fused: [0.25, 2, 3] },
          { utteranceId: 'u2', label: 'angry', deep: [1, 0], fused: [0, 0, 1] },
        ],
      };
    }),
  };
  const proto = loadSerProto();
  return startGrpcServer({
    port: 0,
    packageDefinition: proto.reflectionPackageDefinition,
    services: [
      { name: SER_SERVICE_NAMES.classifierTraining, definition: proto.grpc.ser.v1.ClassifierTrainingService.service, implementation: handlers as never },
    ],
  });
}

describe('gateway: a sequence-model run’s representations', () => {
  let t: TestGateway;
  let trainer: RunningServer;
  let sequenceRunId = '';
  let fineTuneRunId = '';
  let runningRunId = '';

  beforeAll(async () => {
    trainer = await startTrainerDouble(() => sequenceRunId);
    t = await startTestGateway({ addresses: { classifierTrainer: trainer.address } });
    for (const name of ['sequence', 'fineTune', 'running'] as const) {
      const run = await t.store.runs.create({ kind: 'classifier', config: name === 'sequence' ? { method: 'sequence-model' } : {} });
      if (name !== 'running') await t.store.runs.update(run.id, { status: 'succeeded', progress: 1 });
      if (name === 'sequence') sequenceRunId = run.id;
      else if (name === 'fineTune') fineTuneRunId = run.id;
      else runningRunId = run.id;
    }
  });
  afterAll(async () => {
    await t?.stop();
    await trainer?.shutdown(0);
  });

  const query = 'query($id: ID!) { run(id: $id) { representations { features utterances { utteranceId label deep fused } } } }';

  it('gives each test utterance its deep and fused vectors', async () => {
    const res = await gql<{ run: { representations: unknown } }>(t.gateway.url, query, { id: sequenceRunId }, t.tokens.viewer);
    expect(res.errors).toBeUndefined();
    expect(res.data!.run.representations).toEqual({
      features: 'FUSION',
      utterances: [
        { utteranceId: 'u1', label: 'sad', deep: [0.5, -1], fused: [0.25, 2, 3] },
        { utteranceId: 'u2', label: 'angry', deep: [1, 0], fused: [0, 0, 1] },
      ],
    });
  });

  it('shows its method, and its evaluation with the protocol as an EvaluationProtocol and the matrix as rows', async () => {
    const res = await gql<{ run: unknown }>(
      t.gateway.url,
      'query($id: ID!) { run(id: $id) { method evaluation { protocol confusionMatrix { labels rows } folds { testSplit confusionMatrix { rows } } } } }',
      { id: sequenceRunId },
      t.tokens.viewer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.run).toEqual({
      method: 'SEQUENCE_MODEL',
      evaluation: {
        protocol: 'LEAVE_ONE_SPEAKER_OUT',
        confusionMatrix: {
          labels: ['angry', 'sad'],
          rows: [
            [3, 1],
            [0, 4],
          ],
        },
        folds: [
          {
            testSplit: 's1',
            confusionMatrix: {
              rows: [
                [3, 1],
                [0, 4],
              ],
            },
          },
        ],
      },
    });
    const fineTune = await gql<{ run: unknown }>(
      t.gateway.url,
      'query($id: ID!) { run(id: $id) { method evaluation { protocol } } }',
      { id: fineTuneRunId },
      t.tokens.viewer,
    );
    expect(fineTune.data!.run).toEqual({ method: null, evaluation: null });
  });

  it('is null for a run that keeps none (NOT_FOUND from the trainer) and for an unfinished run', async () => {
    for (const id of [fineTuneRunId, runningRunId]) {
      const res = await gql<{ run: { representations: unknown } }>(t.gateway.url, query, { id }, t.tokens.viewer);
      expect(res.errors).toBeUndefined();
      expect(res.data!.run.representations).toBeNull();
    }
  });
});
