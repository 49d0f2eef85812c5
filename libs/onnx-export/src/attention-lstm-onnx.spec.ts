// ONNX Runtime vs TensorFlow.js on a kept fop-hypercolumn-attention-lstm: the tfjs side is the inference service's
// own path (batchHypercolumns of the frozen FOP, z-scoring in JS, a right-padded batch into the attention-LSTM).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import { writeKeptModel } from '@ser/model-artifacts';
import {
  batchHypercolumns,
  createAttentionLstm,
  DEFAULT_FOP_CONFIG,
  hypercolumnDim,
  saveVariables,
  type AttentionLstm,
  type FopModel,
  type HypercolumnRepresentation,
} from '@ser/models';
import type { StandardizerState } from './attention-lstm-onnx';
import { ONNX_EXPORTABLE_KINDS, ONNX_METADATA_KEYS, exportKeptModelToOnnx } from './export-onnx';
import { FOP_ONNX_IO } from './fop-classifier-onnx';
import { ModelProto } from './onnx-proto';
import { maxAbsDiff, onnxProbabilities, paddedBatch } from './testing/padded-batch';
import { logMelClip, useSeededFop } from './testing/seeded-fop';

const CLASSES = ['angry', 'happy', 'neutral', 'sad'];
const nMels = DEFAULT_FOP_CONFIG.nMels;
const LOG_MEL = { step: [nMels], classes: CLASSES.length };
// Three generated clips of different lengths (about 70, 150 and 230 frames): a batch of them is right-padded.
const clips = [0.7, 1.5, 2.3].map((seconds, i) => logMelClip(seconds, 21 + i));
const framesOf = (x: Float32Array) => x.length / nMels;

/** Per-feature mean and std of every frame of the clips' hypercolumns: z-scored values of the size the LSTM trained on. */
function statsOf(sequences: Float32Array[], dim: number): StandardizerState {
  const rows = sequences.flatMap((s) => Array.from({ length: s.length / dim }, (_, t) => s.subarray(t * dim, (t + 1) * dim)));
  const mean = Array.from({ length: dim }, (_, j) => rows.reduce((sum, r) => sum + r[j]!, 0) / rows.length);
  const std = mean.map((m, j) => Math.sqrt(rows.reduce((sum, r) => sum + (r[j]! - m) ** 2, 0) / rows.length) || 1);
  return { mean, std };
}

/** The inference service's tfjs path (services/inference hypercolumn-model.ts) on a batch of whole utterances. */
function tfjsProbabilities(
  fop: FopModel,
  lstm: AttentionLstm,
  stats: StandardizerState,
  representation: HypercolumnRepresentation,
  inputs: Float32Array[],
): number[][] {
  const dim = hypercolumnDim(fop.config, representation);
  const sequences = batchHypercolumns(fop, inputs, inputs.map(framesOf), representation);
  const zscored = sequences.map((s) => Float32Array.from(s, (v, i) => (v - stats.mean[i % dim]!) / stats.std[i % dim]!));
  const { data, dims, lengths } = paddedBatch(zscored, [dim]);
  return tf.tidy(() => lstm.forward(tf.tensor3d(data, dims as [number, number, number]), { training: false, lengths }).probabilities.arraySync());
}

describe('ONNX export of a fop-hypercolumn-attention-lstm (paper-size FOP, 2 layers x 256; LSTM 128)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onnx-export-lstm-'));
  const artifacts = createLocalArtifactStore(dir);
  const seeded = useSeededFop({}, 17);
  const sessions: ort.InferenceSession[] = [];
  const lstms: AttentionLstm[] = [];

  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.release()));
    lstms.forEach((l) => l.dispose());
    rmSync(dir, { recursive: true, force: true });
  });

  /** Keeps a model of this representation, exports it, and opens the export in ONNX Runtime. */
  async function exported(representation: HypercolumnRepresentation, seed: number) {
    const fop = seeded.fop;
    const dim = hypercolumnDim(fop.config, representation);
    const stats = statsOf(batchHypercolumns(fop, clips, clips.map(framesOf), representation), dim);
    const lstm = createAttentionLstm({ inputDim: dim, numClasses: CLASSES.length }, seed);
    lstms.push(lstm);
    // Sharpen the fresh output layer and attention so the answer is neither uniform nor one-hot: a wrong op shows.
    lstm.variables['output.kernel']!.assign(tf.mul(lstm.variables['output.kernel']!, 12));
    lstm.variables['attention.context']!.assign(tf.mul(lstm.variables['attention.context']!, 4));
    const prefix = `models/run-${representation}`;
    await writeKeptModel(artifacts, prefix, {
      kind: 'fop-hypercolumn-attention-lstm',
      classes: CLASSES,
      fop: { config: fop.config, weights: saveVariables(fop.variables) },
      representation,
      maxFrames: 300,
      standardizer: stats,
      attentionLstm: { config: lstm.config, weights: saveVariables(lstm.variables) },
      bestEpoch: 2,
      lineage: { runId: `run-${representation}`, datasetVersionId: 'dv-1', pretrainedCheckpointId: null },
    });
    const onnx = await exportKeptModelToOnnx(artifacts, prefix, { name: 'lstm-demo', version: 2 });
    const session = await ort.InferenceSession.create(onnx, { executionProviders: ['cpu'] });
    sessions.push(session);
    return { onnx, session, expected: (inputs: Float32Array[]) => tfjsProbabilities(fop, lstm, stats, representation, inputs) };
  }

  it('is exportable', () => expect(ONNX_EXPORTABLE_KINDS).toContain('fop-hypercolumn-attention-lstm'));

  it.each([
    ['concat', 31],
    ['add', 32],
    ['h2', 33],
    ['F', 34],
  ] as const)(
    '%s: a right-padded batch of three lengths gives the tfjs probabilities within 1e-4, and each row its answer alone',
    async (representation, seed) => {
      const { session, expected } = await exported(representation, seed);
      const want = expected(clips);
      expect(Math.max(...want.flat())).toBeGreaterThan(0.4); // neither uniform nor one-hot: a wrong op would move these
      expect(Math.max(...want.flat())).toBeLessThan(0.99);
      const batched = await onnxProbabilities(session, clips, LOG_MEL);
      const diff = maxAbsDiff(batched, want);
      console.log(`attention-lstm ${representation}: max |onnx - tfjs| = ${diff.toExponential(2)}`);
      expect(diff).toBeLessThanOrEqual(1e-4);
      const alone = await Promise.all(clips.map(async (clip) => (await onnxProbabilities(session, [clip], LOG_MEL))[0]!));
      expect(maxAbsDiff(alone, want)).toBeLessThanOrEqual(1e-4);
    },
  );

  it('masks by the lengths input: the short row read over the padding answers differently', async () => {
    const { session } = await exported('h1', 35);
    const { longest } = paddedBatch(clips, LOG_MEL.step);
    const run = async (lengths: number[]) => [(await onnxProbabilities(session, clips, LOG_MEL, lengths))[0]!];
    expect(maxAbsDiff(await run(clips.map(() => longest)), await run(clips.map(framesOf)))).toBeGreaterThan(1e-3);
  });

  it('says in its metadata what it is and how its input is made', async () => {
    const { onnx, session } = await exported('h1', 36);
    const model = ModelProto.toObject(ModelProto.decode(onnx), { longs: Number }) as {
      opsetImport: Array<{ version: number }>;
      metadataProps: Array<{ key: string; value: string }>;
    };
    expect(model.opsetImport.map((o) => o.version)).toEqual([17]);
    const meta = Object.fromEntries(model.metadataProps.map((p) => [p.key, p.value]));
    expect(meta[ONNX_METADATA_KEYS.kind]).toBe('fop-hypercolumn-attention-lstm');
    expect(JSON.parse(meta[ONNX_METADATA_KEYS.classes]!)).toEqual(CLASSES);
    expect(JSON.parse(meta[ONNX_METADATA_KEYS.frontEnd]!)).toMatchObject({ features: 'log-mel', mel: { sampleRate: 16000, nMels: 80 } });
    expect(session.inputNames).toEqual([FOP_ONNX_IO.features, FOP_ONNX_IO.lengths]);
    expect(session.outputNames).toEqual([FOP_ONNX_IO.logits, FOP_ONNX_IO.probabilities]);
  });
});
