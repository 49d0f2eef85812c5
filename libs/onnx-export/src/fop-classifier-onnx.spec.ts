import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import type { KeptModel } from '@ser/model-artifacts';
import { DEFAULT_FOP_CONFIG, type FopClassifier } from '@ser/models';
import { ONNX_METADATA_KEYS, OnnxExportUnsupportedError, exportKeptModelToOnnx, keptModelToOnnx } from './export-onnx';
import { FOP_ONNX_IO } from './fop-classifier-onnx';
import { ModelProto } from './onnx-proto';
import { keepSharpFopClassifier, logMelClip, maxAbsDiff, onnxProbabilities, paddedBatch, useSeededFop } from './testing';

const CLASSES = ['angry', 'happy', 'neutral', 'sad'];
const LOG_MEL = { step: [DEFAULT_FOP_CONFIG.nMels], classes: CLASSES.length };
// Three generated clips of different lengths (about 70, 150 and 230 frames): a batch of them is right-padded.
const clips = [0.7, 1.5, 2.3].map((seconds, i) => logMelClip(seconds, 11 + i));

function tfjsProbabilities(classifier: FopClassifier, inputs: Float32Array[]): number[][] {
  const { data, dims, lengths } = paddedBatch(inputs, LOG_MEL.step);
  return tf.tidy(() => classifier.forward(tf.tensor3d(data, dims as [number, number, number]), { training: false, lengths }).probabilities.arraySync());
}

describe('ONNX export of a fop-classifier (paper-size FOP, 2 layers x 256)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onnx-export-'));
  const artifacts = createLocalArtifactStore(dir);
  let classifier: FopClassifier;
  let onnx: Uint8Array;
  let session: ort.InferenceSession;
  const seeded = useSeededFop({}, 7);

  beforeAll(async () => {
    classifier = await keepSharpFopClassifier(artifacts, 'models/run-1', seeded.fop, CLASSES, 8);
    onnx = await exportKeptModelToOnnx(artifacts, 'models/run-1', { name: 'demo', version: 3 });
    session = await ort.InferenceSession.create(onnx, { executionProviders: ['cpu'] });
  });

  afterAll(async () => {
    await session?.release();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the probabilities TensorFlow.js gives, within 1e-4, one clip at a time', async () => {
    for (const clip of clips) {
      const expected = tfjsProbabilities(classifier, [clip]);
      expect(Math.max(...expected[0]!)).toBeGreaterThan(0.4); // neither uniform nor one-hot: a wrong op would move these
      expect(Math.max(...expected[0]!)).toBeLessThan(0.99);
      expect(maxAbsDiff(await onnxProbabilities(session, [clip], LOG_MEL), expected)).toBeLessThanOrEqual(1e-4);
    }
  });

  it('masks padding like TensorFlow.js: a right-padded batch of three lengths matches, row by row and alone', async () => {
    const batched = await onnxProbabilities(session, clips, LOG_MEL);
    expect(maxAbsDiff(batched, tfjsProbabilities(classifier, clips))).toBeLessThanOrEqual(1e-4);
    const alone = await Promise.all(clips.map(async (clip) => (await onnxProbabilities(session, [clip], LOG_MEL))[0]!));
    expect(maxAbsDiff(batched, alone)).toBeLessThanOrEqual(1e-5);
    // The lengths input is what keeps padding out: pooling over the padded frames changes the short clip's answer.
    const { longest } = paddedBatch(clips, LOG_MEL.step);
    const shortRow = (
      await onnxProbabilities(
        session,
        clips,
        LOG_MEL,
        clips.map(() => longest),
      )
    )[0]!;
    expect(maxAbsDiff([shortRow], [batched[0]!])).toBeGreaterThan(1e-3);
  });

  it('is an opset 17 model whose metadata holds the classes and the log-mel front end', () => {
    const model = ModelProto.toObject(ModelProto.decode(onnx), { longs: Number }) as {
      opsetImport: Array<{ version: number }>;
      metadataProps: Array<{ key: string; value: string }>;
    };
    expect(model.opsetImport.map((o) => o.version)).toEqual([17]);
    const meta = Object.fromEntries(model.metadataProps.map((p) => [p.key, p.value]));
    expect(meta[ONNX_METADATA_KEYS.kind]).toBe('fop-classifier');
    expect(JSON.parse(meta[ONNX_METADATA_KEYS.classes]!)).toEqual(CLASSES);
    expect(JSON.parse(meta[ONNX_METADATA_KEYS.frontEnd]!)).toMatchObject({
      features: 'log-mel',
      mel: { sampleRate: 16000, nMels: 80, hopLength: 160, nFft: 512 },
    });
    expect(JSON.parse(meta[ONNX_METADATA_KEYS.model]!)).toEqual({ name: 'demo', version: 3 });
    expect(session.inputNames).toEqual([FOP_ONNX_IO.features, FOP_ONNX_IO.lengths]);
  });

  it('refuses a kind it has no graph for, by name', async () => {
    const unknown = { kind: 'mfcc-svm', classes: CLASSES } as unknown as KeptModel; // a kind no exporter knows
    await expect(keptModelToOnnx(artifacts, 'models/run-2', unknown)).rejects.toThrow(new OnnxExportUnsupportedError('mfcc-svm'));
  });
});
