// A kept sequence-model as an ONNX graph, what the inference service's tfjs loader computes: each utterance's
// 32x129 spectrogram segments z-scored per bin, the CNN's deep representation of every segment (+ the frozen
// VQ-VAE's quantised latent, z-scored its own way, through the fusion layer), then the TCN / TACN over the
// utterance's segments (temporal-conv-onnx), read at its last real segment, or the RNN baselines (recurrent-onnx)
// on their final states. Inference mode, no dropout. Read top-down: the whole graph last.
import type { CnnConfig, SavedTensors, SequenceNetworkConfig, VqvaeConfig } from '@ser/models';
import { decodeTensors } from '@ser/models';
import type { StandardizerState } from './attention-lstm-onnx';
import { dense, weightOf, type OnnxWeights } from './fop-trunk-onnx';
import { OnnxGraph } from './graph-builder';
import { rnnLogits, rnnNetwork } from './recurrent-onnx';
import { temporalConvLogits, temporalConvNetwork } from './temporal-conv-onnx';

/** Input and output names of an exported sequence-model. */
export const SEQUENCE_ONNX_IO = { segments: 'segments', lengths: 'lengths', logits: 'logits', probabilities: 'probabilities' } as const;

const int64 = (g: OnnxGraph, values: number[]) => g.constant(values, [values.length], 'int64');

/** (x - mean) / std per bin in double, rounded to float32 once, as the service's standardizeRows. x: [..., bins]. */
function standardize(g: OnnxGraph, x: string, stats: StandardizerState): string {
  const bins = stats.mean.length;
  const centred = g.op('Sub', [g.op('Cast', [x], { to: 11 }), g.constant(stats.mean, [bins], 'double')]);
  return g.op('Cast', [g.op('Div', [centred, g.constant(stats.std, [bins], 'double')])], { to: 1 });
}

/** 'same' zero padding of @ser/models conv2dSame: the extra row of an even kernel after. */
const samePadding = (kernel: number): [number, number] => [Math.floor((kernel - 1) / 2), kernel - 1 - Math.floor((kernel - 1) / 2)];

/** @ser/models createCnn's forward: [n, frames, bins] -> [n, representationUnits]. Convolutions NCHW, flattened NHWC as tfjs. */
function cnn(g: OnnxGraph, weights: OnnxWeights, config: CnnConfig, x: string): string {
  let h = g.op('Unsqueeze', [x, int64(g, [1])]); // [n, 1, frames, bins]
  let [height, width] = [config.frames, config.bins];
  config.layers.forEach((layer, i) => {
    const k = weights.get(`cnn.conv${i}.kernel`); // [kh, kw, in, out]
    if (!k) throw new Error(`the sequence model's weights have no cnn.conv${i}.kernel`);
    const [kh, kw, cin, cout] = k.shape as [number, number, number, number];
    const oihw = new Float32Array(k.values.length);
    for (let a = 0; a < kh; a++)
      for (let b = 0; b < kw; b++)
        for (let c = 0; c < cin; c++) for (let o = 0; o < cout; o++) oihw[((o * cin + c) * kh + a) * kw + b] = k.values[((a * kw + b) * cin + c) * cout + o]!;
    const [top, bottom] = samePadding(kh);
    const [left, right] = samePadding(kw);
    const w = g.weight(`cnn.conv${i}.kernel_oihw`, [cout, cin, kh, kw], oihw);
    const conv = g.op('Conv', [h, w, weightOf(g, weights, `cnn.conv${i}.bias`)], { pads: [top, left, bottom, right] });
    // TensorFlow's 2x2 'same' max-pool: ceil(n / 2) outputs, an odd size padded by one after (padding never wins a max).
    h = g.op('MaxPool', [g.op('Relu', [conv])], { kernel_shape: [2, 2], strides: [2, 2], pads: [0, 0, height % 2, width % 2] });
    [height, width] = [Math.ceil(height / 2), Math.ceil(width / 2)];
  });
  const flat = g.op('Reshape', [g.op('Transpose', [h], { perm: [0, 2, 3, 1] }), int64(g, [0, -1])]); // [n, height * width * filters]
  return g.op('Relu', [dense(g, weights, 'cnn.representation', flat)]);
}

/** The VQ-VAE's latent R_l = Flatten(z_q) of segments [n, frames, bins] (@ser/models createVqvae's latent): [n, latentSteps * embeddingDim]. */
function vqvaeLatent(g: OnnxGraph, weights: OnnxWeights, config: VqvaeConfig, x: string): string {
  // Conv1d of @ser/models over time (bins are channels): kernel [in, taps * out], tap j's columns j*out.. -> ONNX [out, in, taps].
  const conv = (name: string, h: string, taps: number, stride: number) => {
    const k = weights.get(`vqvae.${name}.kernel`)!;
    const [cin, columns] = k.shape as [number, number];
    const cout = columns / taps;
    const oik = new Float32Array(k.values.length);
    for (let c = 0; c < cin; c++)
      for (let j = 0; j < taps; j++) for (let o = 0; o < cout; o++) oik[(o * cin + c) * taps + j] = k.values[c * columns + j * cout + o]!;
    const pad = Math.floor((taps - 1) / 2); // 'same', taps centred on the step
    const w = g.weight(`vqvae.${name}.kernel_oik`, [cout, cin, taps], oik);
    return g.op('Conv', [h, w, weightOf(g, weights, `vqvae.${name}.bias`)], { pads: [pad, taps - 1 - pad], strides: [stride] });
  };
  let h = g.op('Transpose', [x], { perm: [0, 2, 1] }); // [n, bins, frames]
  for (let i = 0; i < config.downsamplings; i++) h = g.op('Relu', [conv(`encoder${i}`, h, 3, 2)]); // stride 2: the stride-1 outputs 0, 2, 4, ...
  const encoded = g.op('Reshape', [g.op('Transpose', [conv('project', h, 1, 1)], { perm: [0, 2, 1] }), int64(g, [-1, config.embeddingDim])]); // [n * steps, dim]
  // Nearest code: argmin |e|^2 - 2 z.e, as @ser/models nearestCodes (|z|^2 does not change the argmin); the first on a tie.
  const codebook = weightOf(g, weights, 'vqvae.codebook'); // [codes, dim]
  const codeNorms = g.op('ReduceSum', [g.op('Mul', [codebook, codebook]), int64(g, [1])], { keepdims: 0 }); // [codes]
  const cross = g.op('MatMul', [encoded, g.op('Transpose', [codebook], { perm: [1, 0] })]); // [n * steps, codes]
  const nearest = g.op('ArgMin', [g.op('Sub', [codeNorms, g.op('Mul', [cross, g.constant([2], [])])])], { axis: 1, keepdims: 0 });
  const steps = config.frames / 2 ** config.downsamplings;
  return g.op('Reshape', [g.op('Gather', [codebook, nearest], { axis: 0 }), int64(g, [-1, steps * config.embeddingDim])]);
}

export interface SequenceModelGraph {
  network: SequenceNetworkConfig;
  weights: SavedTensors;
  standardizer: StandardizerState;
  vqvae: { config: VqvaeConfig; normalisation: StandardizerState; weights: SavedTensors } | null;
  classes: readonly string[];
}

/** Whether a sequence model has an ONNX graph (TCN, TACN and the five RNNs do). */
export const sequenceModelExportable = (sequenceModel: string): boolean =>
  temporalConvNetwork(sequenceModel, {}) !== null || rnnNetwork(sequenceModel, {}) !== null;

/**
 * The graph of a sequence-model: segments [batch, segments, frames, bins] (each utterance's raw log-magnitude
 * segments, rows right-padded with any values to the most segments) and lengths [batch] (int64, real segments per
 * row) in; logits and probabilities [batch, classes] out.
 */
export function buildSequenceModelGraph(model: SequenceModelGraph): { graph: OnnxGraph; logits: string; probabilities: string } {
  const { sequenceModel, classifier } = model.network;
  const network = temporalConvNetwork(sequenceModel, classifier);
  const rnn = rnnNetwork(sequenceModel, classifier);
  if (!network && !rnn) throw new Error(`sequence model ${sequenceModel} has no ONNX graph`);
  const numClasses = (network?.config ?? rnn!).numClasses;
  if (numClasses !== model.classes.length) throw new Error(`the network has ${numClasses} outputs for ${model.classes.length} classes`);
  if (!model.network.fusion !== !model.vqvae) throw new Error('a fusion network needs its VQ-VAE, and only a fusion network has one');
  const weights: OnnxWeights = decodeTensors(model.weights);
  if (model.vqvae) for (const [name, tensor] of decodeTensors(model.vqvae.weights)) weights.set(`vqvae.${name}`, tensor);
  const { frames, bins } = model.network.cnn;
  const g = new OnnxGraph();
  const shape = g.op('Shape', [SEQUENCE_ONNX_IO.segments]);
  const flat = g.op('Reshape', [SEQUENCE_ONNX_IO.segments, int64(g, [-1, frames, bins])]); // [batch * segments, frames, bins]
  const deep = cnn(g, weights, model.network.cnn, standardize(g, flat, model.standardizer)); // [batch * segments, representationUnits]
  const perSegment = model.vqvae
    ? g.op('Relu', [
        dense(
          g,
          weights,
          'fusion.fc',
          g.op('Concat', [deep, vqvaeLatent(g, weights, model.vqvae.config, standardize(g, flat, model.vqvae.normalisation))], { axis: 1 }),
        ),
      ])
    : deep;
  // Back to [batch, segments, units], padding zeroed as @ser/models padSequences pads (causal, so it only has to be finite).
  const sequences = g.op('Reshape', [perSegment, g.op('Concat', [g.op('Slice', [shape, int64(g, [0]), int64(g, [2])]), int64(g, [-1])], { axis: 0 })]);
  const positions = g.op('Range', [
    g.constant([0], [], 'int64'),
    g.op('Gather', [shape, g.constant([1], [], 'int64')], { axis: 0 }),
    g.constant([1], [], 'int64'),
  ]);
  const real = g.op('Less', [g.op('Unsqueeze', [positions, int64(g, [0])]), g.op('Unsqueeze', [SEQUENCE_ONNX_IO.lengths, int64(g, [1])])]); // [batch, segments]
  const masked = g.op('Mul', [sequences, g.op('Unsqueeze', [g.op('Cast', [real], { to: 1 }), int64(g, [2])])]);
  const logits = network
    ? temporalConvLogits(g, weights, 'classifier', network, masked, SEQUENCE_ONNX_IO.lengths)
    : rnnLogits(g, weights, 'classifier', rnn!, masked, SEQUENCE_ONNX_IO.lengths); // [batch, classes]
  return { graph: g, logits, probabilities: g.op('Softmax', [logits], { axis: -1 }) };
}
