import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSerProto, SER_SERVICE_NAMES, type ClassifierTrainingServiceHandlers, type StartClassifierRunRequest__Output } from '@ser/contracts';
import { startGrpcServer, unary, type RunningServer } from '@ser/grpc-kit';
import { postGraphql, startSpecGateway, type SpecGateway } from '../spec-gateway';

const START = 'mutation($input: StartClassifierRunInput!) { startClassifierRun(input: $input) { method config } }';

// startClassifierRun's `method` enum reaches the trainer as config.method, its own spelling.
describe('startClassifierRun with a method', () => {
  let trainer: RunningServer;
  let t: SpecGateway;
  let operator: string;
  const sent: StartClassifierRunRequest__Output[] = [];

  beforeAll(async () => {
    const handlers: Partial<ClassifierTrainingServiceHandlers> = {
      // Queues the run the way the trainer does: a store row with the config it was given.
      StartClassifierRun: unary(async (req: StartClassifierRunRequest__Output) => {
        sent.push(req);
        const run = await t.store.runs.create({ kind: 'classifier', config: JSON.parse(req.configJson) });
        return { run: { id: run.id } };
      }),
    };
    const proto = loadSerProto();
    trainer = await startGrpcServer({
      port: 0,
      packageDefinition: proto.reflectionPackageDefinition,
      services: [{ name: SER_SERVICE_NAMES.classifierTraining, definition: proto.grpc.ser.v1.ClassifierTrainingService.service, implementation: handlers as never }],
    });
    t = await startSpecGateway({ addresses: { classifierTrainer: trainer.address } });
    operator = (await t.store.apiTokens.create({ name: 'spec-operator', role: 'operator' })).token;
  });
  afterAll(async () => {
    await t?.stop();
    await trainer?.shutdown(0);
  });

  it('sends it as config.method beside the other overrides, and the run shows it', async () => {
    const res = await postGraphql(t.gateway.url, { query: START, variables: { input: { datasetVersionIds: ['dv'], method: 'FOP_HYPERCOLUMNS', config: { repeats: 2 } } } }, { token: operator });
    expect(res.errors).toBeUndefined();
    expect(JSON.parse(sent.at(-1)!.configJson)).toEqual({ repeats: 2, method: 'fop-hypercolumns' });
    expect(res.data!.startClassifierRun).toEqual({ method: 'FOP_HYPERCOLUMNS', config: { repeats: 2, method: 'fop-hypercolumns' } });
  });

  it('refuses a config that names another method, before calling the trainer', async () => {
    const calls = sent.length;
    const res = await postGraphql(
      t.gateway.url,
      { query: START, variables: { input: { datasetVersionIds: ['dv'], method: 'SEQUENCE_MODEL', config: { method: 'fop-fine-tune' } } } },
      { token: operator },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(sent.length).toBe(calls);
  });
});
