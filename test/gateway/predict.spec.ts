import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav, synthesizeTestSignal } from '@ser/audio';
import { toGlobalId } from '@ser/gateway';
import { getMetricsRegistry } from '@ser/runtime';
import { gql, gqlUpload } from './client';
import { startTestGateway, type TestGateway } from './harness';
import { startInferenceDouble } from './inference-double';

const PREDICT = `mutation($input: PredictInput!) { predict(input: $input) {
  predictionId label probabilities { label probability } modelName modelVersion { modelName version } latencyMs } }`;
const MAX_UPLOAD = 64 * 1024;

/** Calls of one RPC the services in this process have answered so far, whatever their status: their own call counter. */
async function handledCalls(method: string): Promise<number> {
  const counter = getMetricsRegistry().getSingleMetric('grpc_server_handled_total');
  if (!counter) throw new Error('grpc_server_handled_total is not registered: is the registry serving in this process?');
  const { values } = await counter.get();
  return values.filter((v) => v.labels.grpc_method === method).reduce((sum, v) => sum + v.value, 0);
}
/** GetModelVersion calls the model registry has answered so far. */
const registryVersionLookups = () => handledCalls('GetModelVersion');

describe('the predict mutation', () => {
  let t: TestGateway;
  let inference: Awaited<ReturnType<typeof startInferenceDouble>>;
  let dir: string;
  const wav = encodeWav(synthesizeTestSignal({ sampleRate: 16000, seconds: 0.5 }), 16000);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ser-gw-predict-'));
    inference = await startInferenceDouble();
    // The features service reads dataset utterances' audio, from corpora under dir.
    t = await startTestGateway({ addresses: { inference: inference.address }, uploads: { maxFileBytes: MAX_UPLOAD }, features: { corpusRoots: [dir] } });
    // The double answers as version 3 of 'ser': the result points at that registered version.
    for (let v = 1; v <= 3; v++) await t.store.models.createVersion({ modelName: 'ser', artifactKey: `ser/${v}`, metrics: {} });
  }, 300_000); // the gateway and registry start slowly on a loaded machine
  afterAll(async () => {
    await t?.stop();
    await inference?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a multipart upload to the inference service and returns its prediction', async () => {
    const variables = { input: { audio: null, model: { name: 'ser', version: 3 } } };
    const res = await gqlUpload(t.gateway.url, PREDICT, variables, { path: 'variables.input.audio', name: 'clip.wav', content: wav }, t.tokens.operator);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      predict: {
        predictionId: toGlobalId('Prediction', 'p-1'),
        label: 'happy',
        probabilities: [
          { label: 'sad', probability: 0.25 },
          { label: 'happy', probability: 0.75 },
        ],
        modelName: 'ser',
        modelVersion: { modelName: 'ser', version: 3 },
        latencyMs: 4.5,
      },
    });
    const sent = inference.requests.at(-1)!;
    expect(Buffer.compare(sent.audio!.content, Buffer.from(wav))).toBe(0);
    expect(sent.audio!.filename).toBe('clip.wav');
    expect(sent.model).toMatchObject({ name: 'ser', version: '3' });
  });

  it('looks the registered modelVersion up only for a query that selects it', async () => {
    const upload = (query: string) =>
      gqlUpload(
        t.gateway.url,
        query,
        { input: { audio: null, recordOptOut: true } },
        { path: 'variables.input.audio', name: 'clip.wav', content: wav },
        t.tokens.operator,
      );
    const before = await registryVersionLookups();
    const without = await upload('mutation($input: PredictInput!) { predict(input: $input) { label modelName } }');
    expect(without.errors).toBeUndefined();
    expect(without.data).toEqual({ predict: { label: 'happy', modelName: 'ser' } });
    expect(await registryVersionLookups()).toBe(before);
    const selecting = await upload('mutation($input: PredictInput!) { predict(input: $input) { label modelVersion { modelName version } } }');
    expect(selecting.errors).toBeUndefined();
    expect(selecting.data).toEqual({ predict: { label: 'happy', modelVersion: { modelName: 'ser', version: 3 } } });
    expect(await registryVersionLookups()).toBe(before + 1);
  });

  it('predicts on a dataset utterance whose audio the features service reads from the version source', async () => {
    writeFileSync(join(dir, 'u1.wav'), wav);
    const { version } = await t.store.datasets.registerVersion({ datasetName: 'local', version: 'v1', format: 'manifest', sourceUri: dir, utteranceCount: 1 });
    await t.store.datasets.addUtterances(version.id, [{ utteranceId: 'u1', path: 'u1.wav', durationS: 0.5, contentHash: 'x' }]);
    const reads = await handledCalls('ReadUtteranceAudio');
    const res = await gql<{ predict: { label: string } }>(
      t.gateway.url,
      PREDICT,
      { input: { utterance: { datasetVersionId: version.id, utteranceId: 'u1' }, recordOptOut: true } },
      t.tokens.operator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.predict.label).toBe('happy');
    // The audio came through the service that owns corpora, not from the gateway's own disk reads.
    expect(await handledCalls('ReadUtteranceAudio')).toBe(reads + 1);
    const sent = inference.requests.at(-1)!;
    expect(Buffer.compare(sent.audio!.content, Buffer.from(wav))).toBe(0);
    expect(sent.audio!.filename).toBe('u1.wav');
    expect(sent.recordOptOut).toBe(true);
    expect(sent.model).toBeNull(); // no selector: the inference service picks its default
    const missing = await gql(t.gateway.url, PREDICT, { input: { utterance: { datasetVersionId: version.id, utteranceId: 'nope' } } }, t.tokens.operator);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("maps the features service's refusals of an utterance to GraphQL codes, without calling inference", async () => {
    const { version } = await t.store.datasets.registerVersion({ datasetName: 'broken', version: 'v1', format: 'manifest', sourceUri: dir, utteranceCount: 2 });
    await t.store.datasets.addUtterances(version.id, [
      { utteranceId: 'up', path: '../elsewhere.wav', durationS: 0.5, contentHash: 'up' },
      { utteranceId: 'gone', path: 'gone.wav', durationS: 0.5, contentHash: 'gone' },
    ]);
    const calls = inference.requests.length;
    const codeOf = async (datasetVersionId: string, utteranceId: string) =>
      (await gql(t.gateway.url, PREDICT, { input: { utterance: { datasetVersionId, utteranceId } } }, t.tokens.operator)).errors?.[0]?.extensions?.code;
    expect(await codeOf(toGlobalId('DatasetVersion', 'no-such-version'), 'u1')).toBe('NOT_FOUND');
    expect(await codeOf(version.id, 'up')).toBe('BAD_USER_INPUT');
    expect(await codeOf(version.id, 'gone')).toBe('FAILED_PRECONDITION');
    expect(inference.requests.length).toBe(calls);
  });

  it('refuses an upload over the size limit with 413, before calling inference', async () => {
    const calls = inference.requests.length;
    const big = new Uint8Array(MAX_UPLOAD + 1);
    const res = await gqlUpload(
      t.gateway.url,
      PREDICT,
      { input: { audio: null } },
      { path: 'variables.input.audio', name: 'big.wav', content: big },
      t.tokens.operator,
    );
    expect(res.status).toBe(413);
    expect(res.errors?.[0]?.message).toMatch(/over 65536 bytes/);
    expect(inference.requests.length).toBe(calls);
  });

  it('refuses an Upload faked in JSON variables, a missing or double input, and a viewer', async () => {
    const fake = await gql(t.gateway.url, PREDICT, { input: { audio: { filename: 'x.wav', content: 'AAAA' } } }, t.tokens.operator);
    expect(fake.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const neither = await gql(t.gateway.url, PREDICT, { input: {} }, t.tokens.operator);
    expect(neither.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const viewer = await gqlUpload(
      t.gateway.url,
      PREDICT,
      { input: { audio: null } },
      { path: 'variables.input.audio', name: 'a.wav', content: wav },
      t.tokens.viewer,
    );
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a multipart map pointing outside the variables', async () => {
    const res = await gqlUpload(
      t.gateway.url,
      PREDICT,
      { input: { audio: null } },
      { path: '__proto__.polluted', name: 'a.wav', content: wav },
      t.tokens.operator,
    );
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
