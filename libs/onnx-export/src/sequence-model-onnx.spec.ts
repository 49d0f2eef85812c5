// ONNX Runtime vs TensorFlow.js on kept sequence-models (TCN and TACN, deep and fusion): the tfjs side is the
// inference service's own path (services/inference sequence-model.ts): segments back to back, z-scored in JS,
// the VQ-VAE's latents of its own z-scoring, createSequenceNetwork's forward, softmax.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import { createTacnFrontEnd, synthesizeTestSignal } from '@ser/audio';
import { writeKeptModel, type KeptModelOfKind } from '@ser/model-artifacts';
import {
  DEFAULT_CNN_CONFIG,
  createSequenceNetwork,
  createVqvae,
  saveVariables,
  type RnnVariant,
  type SequenceNetworkConfig,
  type VqvaeModel,
} from '@ser/models';
import { initTfjs } from '@ser/tfjs-backend';
import type { StandardizerState } from './attention-lstm-onnx';
import { OnnxExportUnsupportedError, ONNX_METADATA_KEYS, exportKeptModelToOnnx, keptModelToOnnx } from './export-onnx';
import { ModelProto } from './onnx-proto';
import { SEQUENCE_ONNX_IO } from './sequence-model-onnx';
import { maxAbsDiff, onnxProbabilities } from './testing/padded-batch';

const CLASSES = ['angry', 'happy', 'neutral', 'sad'];
const HOP = 2120;
const frontEnd = createTacnFrontEnd({ segmentHopSamples: HOP });
const { frames, bins } = frontEnd;
const size = frames * bins;
// Four generated clips of 2, 5, 8 and 14 segments: a right-padded batch, rows shorter than the deepest dilation's reach.
const clips = [0.5, 0.9, 1.2, 2.0].map((seconds, i) => frontEnd.compute(synthesizeTestSignal({ sampleRate: 16000, seconds, seed: 41 + i })).data);
const segmentsOf = (x: Float32Array) => x.length / size;

/** Per-bin mean and std over every frame of the clips, perturbed so the VQ-VAE's z-scoring differs from the network's. */
function statsOf(scale: number): StandardizerState {
  const all = clips.flatMap((c) => Array.from({ length: c.length / bins }, (_, r) => c.subarray(r * bins, (r + 1) * bins)));
  const mean = Array.from({ length: bins }, (_, j) => all.reduce((s, r) => s + r[j]!, 0) / all.length);
  const std = mean.map((m, j) => scale * Math.sqrt(all.reduce((s, r) => s + (r[j]! - m) ** 2, 0) / all.length) || 1);
  return { mean, std };
}
const zscore = (x: Float32Array, s: StandardizerState) => Float32Array.from(x, (v, i) => (v - s.mean[i % bins]!) / s.std[i % bins]!);

type Network = ReturnType<typeof createSequenceNetwork>;

/** The inference service's tfjs prediction of a batch of utterances. */
function tfjsProbabilities(
  model: { network: Network; vqvae?: VqvaeModel; standardizer: StandardizerState; vqvaeStats: StandardizerState },
  inputs: Float32Array[],
) {
  const lengths = inputs.map(segmentsOf);
  const total = lengths.reduce((a, b) => a + b, 0);
  const raw = new Float32Array(total * size);
  let offset = 0;
  inputs.forEach((x) => (raw.set(x, offset), (offset += x.length)));
  return tf.tidy(() => {
    const segments = tf.tensor3d(zscore(raw, model.standardizer), [total, frames, bins]);
    const latent = model.vqvae ? model.vqvae.latent(tf.tensor3d(zscore(raw, model.vqvaeStats), [total, frames, bins])) : undefined;
    return tf.softmax(model.network.forward(segments, lengths, latent, { training: false })).arraySync() as number[][];
  });
}

// Padding of any value (here -3): the lengths say what is real.
const SEGMENTS = { step: [frames, bins], classes: CLASSES.length, input: SEQUENCE_ONNX_IO.segments, padValue: -3 };

const VQVAE = { hiddenChannels: 16, embeddingDim: 8, codebookSize: 32, downsamplings: 2 };
const CLASSIFIERS = {
  tcn: { inputUnits: 0, channels: 16, levels: 4, kernelSize: 3, dropout: 0.2, numClasses: CLASSES.length },
  tacn: { inputUnits: 0, channels: 16, layers: 4, kernelSize: 3, numHeads: 4, dropout: 0.2, numClasses: CLASSES.length },
};
const rnn = (variant: RnnVariant, layers: number) => ({ variant, inputUnits: 0, units: 12, layers, dropout: 0.2, numClasses: CLASSES.length });
const RNNS = { 'simple-rnn': rnn('simple-rnn', 1), gru: rnn('gru', 1), bigru: rnn('bigru', 2), lstm: rnn('lstm', 2), bilstm: rnn('bilstm', 2) };
type SequenceModel = keyof typeof CLASSIFIERS | RnnVariant;

describe('ONNX export of a sequence-model (CNN 16/24/32 filters; TCN and TACN of 4 levels x 16 channels; RNNs of 12 units, 1-2 layers)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onnx-export-seq-'));
  const artifacts = createLocalArtifactStore(dir);
  const owned: Array<{ dispose(): void }> = [];
  const sessions: ort.InferenceSession[] = [];
  const standardizer = statsOf(1);
  const vqvaeStats = statsOf(1.5);

  beforeAll(async () => initTfjs());
  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.release()));
    owned.forEach((m) => m.dispose());
    rmSync(dir, { recursive: true, force: true });
  });

  /** Keeps a model, exports it, and opens the export in ONNX Runtime. */
  async function exported(sequenceModel: SequenceModel, features: 'deep' | 'fusion', seed: number) {
    const cnn = { ...DEFAULT_CNN_CONFIG, representationUnits: 32 };
    const vqvae = features === 'fusion' ? createVqvae(VQVAE, seed) : undefined;
    const fusion = vqvae ? { deepUnits: 32, latentUnits: vqvae.latentUnits, outputUnits: 24 } : null;
    const config: SequenceNetworkConfig = {
      sequenceModel,
      cnn,
      fusion,
      classifier: { ...({ ...CLASSIFIERS, ...RNNS } as Record<SequenceModel, object>)[sequenceModel], inputUnits: fusion ? 24 : 32 },
    };
    const network = createSequenceNetwork(config, seed);
    owned.push(network, ...(vqvae ? [vqvae] : []));
    // Sharpen the fresh head so the answer is neither uniform nor one-hot: a wrong op shows.
    network.variables['classifier.head.kernel']!.assign(tf.mul(network.variables['classifier.head.kernel']!, 10));
    // A fresh weight norm's gain is ||v||, so its kernel is v itself: move the gains, or folding them would go untested.
    for (const [name, gain] of Object.entries(network.variables))
      if (name.endsWith('.gain')) gain.assign(tf.mul(gain, tf.randomUniform(gain.shape, 0.5, 1.5, 'float32', seed)));
    const prefix = `models/${sequenceModel}-${features}`;
    const kept: Omit<KeptModelOfKind<'sequence-model'>, 'formatVersion' | 'weights' | 'vqvae'> = {
      kind: 'sequence-model',
      classes: CLASSES,
      sequenceModel,
      features,
      segments: { frames, bins, hopSamples: HOP, maxSegments: 20 },
      standardizer,
      network: config,
      bestEpoch: 3,
      lineage: { runId: prefix, datasetVersionId: 'dv-1', vqvaeCheckpointId: null },
    };
    await writeKeptModel(artifacts, prefix, {
      ...kept,
      weights: saveVariables(network.variables),
      vqvae: vqvae ? { config: vqvae.config, normalisation: vqvaeStats, weights: saveVariables(vqvae.variables) } : null,
    });
    const onnx = await exportKeptModelToOnnx(artifacts, prefix, { name: 'seq', version: 1 });
    const session = await ort.InferenceSession.create(onnx, { executionProviders: ['cpu'] });
    sessions.push(session);
    return { onnx, session, expected: (inputs: Float32Array[]) => tfjsProbabilities({ network, vqvae, standardizer, vqvaeStats }, inputs) };
  }

  it.each([
    ['tcn', 'deep', 51],
    ['tcn', 'fusion', 52],
    ['tacn', 'deep', 53],
    ['tacn', 'fusion', 54],
    ['simple-rnn', 'deep', 56],
    ['gru', 'deep', 57],
    ['bigru', 'fusion', 58],
    ['lstm', 'deep', 59],
    ['bilstm', 'deep', 60],
  ] as const)(
    '%s %s: a right-padded batch of 2, 5, 8 and 14 segments gives the tfjs probabilities within 1e-4, and each row its answer alone',
    async (sequenceModel, features, seed) => {
      const { session, expected } = await exported(sequenceModel, features, seed);
      const want = expected(clips);
      expect(Math.max(...want.flat())).toBeGreaterThan(0.35); // neither uniform (0.25) nor one-hot: a wrong op would move these
      expect(Math.max(...want.flat())).toBeLessThan(0.99);
      const batched = await onnxProbabilities(session, clips, SEGMENTS);
      const diff = maxAbsDiff(batched, want);
      console.log(`sequence-model ${sequenceModel} ${features}: max |onnx - tfjs| = ${diff.toExponential(2)}`);
      expect(diff).toBeLessThanOrEqual(1e-4);
      const alone = await Promise.all(clips.map(async (clip) => (await onnxProbabilities(session, [clip], SEGMENTS))[0]!));
      expect(maxAbsDiff(alone, want)).toBeLessThanOrEqual(1e-4);
      // The lengths are what pick each row's last segment: reading the short rows at the padded end answers differently.
      const longest = Math.max(...clips.map(segmentsOf));
      expect(
        maxAbsDiff(
          await onnxProbabilities(
            session,
            clips,
            SEGMENTS,
            clips.map(() => longest),
          ),
          batched,
        ),
      ).toBeGreaterThan(1e-3);
    },
  );

  it('says in its metadata what it is and how its segments are made', async () => {
    const { onnx, session } = await exported('tacn', 'deep', 55);
    const model = ModelProto.toObject(ModelProto.decode(onnx), { longs: Number }) as {
      opsetImport: Array<{ version: number }>;
      metadataProps: Array<{ key: string; value: string }>;
    };
    expect(model.opsetImport.map((o) => o.version)).toEqual([17]);
    const meta = Object.fromEntries(model.metadataProps.map((p) => [p.key, p.value]));
    expect(meta[ONNX_METADATA_KEYS.kind]).toBe('sequence-model');
    expect(JSON.parse(meta[ONNX_METADATA_KEYS.frontEnd]!)).toMatchObject({
      features: 'tacn-segments',
      segments: { segmentHopSamples: HOP, nFft: 256, segmentSamples: 4240 },
    });
    expect(session.inputNames).toEqual([SEQUENCE_ONNX_IO.segments, SEQUENCE_ONNX_IO.lengths]);
  });

  it('refuses a sequence model it has no graph for, by name', async () => {
    const unknown = { kind: 'sequence-model', sequenceModel: 'transformer', classes: CLASSES } as unknown as KeptModelOfKind<'sequence-model'>;
    await expect(keptModelToOnnx(artifacts, 'models/none', unknown)).rejects.toThrow(new OnnxExportUnsupportedError('sequence-model (transformer)'));
  });
});
