import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFop, type FopClassifier } from '@ser/models';
import { keepSharpFopClassifier } from '@ser/onnx-export/testing';
import { initTfjs } from '@ser/tfjs-backend';
import { gql } from './client';
import { startTestGateway, type TestGateway } from './harness';

const CLASSES = ['angry', 'happy', 'sad'];
const N_MELS = 80;
// Two rows of made-up log-mel frames, the second right-padded: 5 and 3 real frames.
const LENGTHS = [5, 3];
const FEATURES = Float32Array.from({ length: 2 * 5 * N_MELS }, (_, i) => Math.sin(i * 0.37) * 2);

const VERSIONS = `query ($name: String!) { model(name: $name) { versions { edges { node { version downloadUrl(format: ONNX) } } } } }`;

/** The export's probabilities for FEATURES, as ONNX Runtime computes them. */
async function onnxProbabilities(file: Uint8Array): Promise<number[][]> {
  const session = await ort.InferenceSession.create(file, { executionProviders: ['cpu'] });
  try {
    const { probabilities } = await session.run({
      features: new ort.Tensor('float32', FEATURES, [2, 5, N_MELS]),
      lengths: new ort.Tensor('int64', BigInt64Array.from(LENGTHS.map(BigInt)), [2]),
    });
    const p = probabilities!.data as Float32Array;
    return LENGTHS.map((_, b) => Array.from(p.subarray(b * CLASSES.length, (b + 1) * CLASSES.length)));
  } finally {
    await session.release();
  }
}

/** The same input through the TensorFlow.js model the kept model was saved from (what inference serves). */
function tfjsProbabilities(classifier: FopClassifier): number[][] {
  return tf.tidy(() => classifier.forward(tf.tensor3d(FEATURES, [2, 5, N_MELS]), { training: false, lengths: LENGTHS }).probabilities.arraySync());
}

// ModelVersion.downloadUrl and the download route behind it: GraphQL names the link, the gateway streams the model
// registry's ONNX export of the version to whoever may read models.
describe('model export download', { timeout: 300_000 }, () => {
  let t: TestGateway;
  let origin: string;
  let classifier: FopClassifier;
  const get = (path: string, token?: string) => fetch(`${origin}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    await initTfjs();
    t = await startTestGateway({ anonymousRead: false });
    origin = new URL(t.gateway.url).origin;
    const fop = createFop({ dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1 }, 3);
    classifier = await keepSharpFopClassifier(t.artifacts, 'models/run-1', fop, CLASSES, 5);
    await t.store.models.createVersion({ modelName: 'emo', artifactKey: 'models/run-1' });
    // A kept model of a kind with no export (a newer trainer's, unknown here).
    await t.artifacts.put('models/run-2/model.json', Buffer.from(JSON.stringify({ kind: 'mfcc-svm', classes: CLASSES })));
    await t.store.models.createVersion({ modelName: 'future', artifactKey: 'models/run-2' });
  }, 300_000);
  afterAll(async () => t?.stop());

  it('gives a link that downloads, with a token, an ONNX file giving the probabilities TensorFlow.js gives', async () => {
    const res = await gql<{ model: { versions: { edges: Array<{ node: { version: number; downloadUrl: string } }> } } }>(
      t.gateway.url,
      VERSIONS,
      { name: 'emo' },
      t.tokens.viewer,
    );
    expect(res.errors).toBeUndefined();
    const url = res.data!.model.versions.edges[0]!.node.downloadUrl;
    expect(url).toBe('/exports/emo/1.onnx');

    const download = await get(url, t.tokens.viewer);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="emo-1.onnx"');
    const file = new Uint8Array(await download.arrayBuffer());
    expect(Number(download.headers.get('content-length'))).toBe(file.length);

    const onnx = await onnxProbabilities(file);
    const tfjs = tfjsProbabilities(classifier);
    expect(Math.max(...onnx.flat())).toBeGreaterThan(0.4); // not uniform: a parity check with teeth
    onnx.forEach((row, b) => row.forEach((p, j) => expect(p).toBeCloseTo(tfjs[b]![j]!, 4)));
    // The registry kept the export: a second download is the same file.
    expect((await t.artifacts.list('models/run-1/exports/')).length).toBe(1);
    expect(new Uint8Array(await (await get(url, t.tokens.viewer)).arrayBuffer())).toEqual(file);
  });

  it('is 401 without a token (or with an unknown one), as reading models is', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const res = await get('/exports/emo/1.onnx', token);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });

  it('is 404 for an unknown version, model or format, and 422 for a kind without an export', async () => {
    for (const path of ['/exports/emo/9.onnx', '/exports/nobody/1.onnx', '/exports/emo/1.tflite']) {
      const res = await get(path, t.tokens.viewer);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    }
    const refused = await get('/exports/future/1.onnx', t.tokens.viewer);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      errors: [{ message: expect.stringContaining("model kind 'mfcc-svm' has no ONNX export yet"), extensions: { code: 'FAILED_PRECONDITION' } }],
    });
  });
});
