// A fine-tuned FOP classifier (kept-model kind fop-classifier) as an ONNX graph, op for op what
// @ser/models createFop + createFopClassifier compute in inference mode (no dropout): W_e f_t + PE(t), post-LN
// causal encoder layers, the mean of the real frames, a softmax projection. Read top-down: the whole graph last.
import type { FopConfig, SavedTensors } from '@ser/models';
import { decodeTensors } from '@ser/models';
import { OnnxGraph } from './graph-builder';

/** Input and output names of an exported FOP classifier. */
export const FOP_ONNX_IO = { features: 'features', lengths: 'lengths', logits: 'logits', probabilities: 'probabilities' } as const;

/** 1e-5: @ser/models LAYER_NORM_EPSILON (PyTorch's nn.LayerNorm default), which the model was trained with. */
const LAYER_NORM_EPSILON = 1e-5;

type Weights = Map<string, { shape: number[]; values: Float32Array }>;

function weightOf(g: OnnxGraph, weights: Weights, name: string): string {
  const w = weights.get(name);
  if (!w) throw new Error(`the fop-classifier weights have no tensor ${name}`);
  return g.weight(name, w.shape, w.values);
}

/** x @ kernel + bias on the last axis of x. */
function dense(g: OnnxGraph, weights: Weights, name: string, x: string): string {
  return g.op('Add', [g.op('MatMul', [x, weightOf(g, weights, `${name}.kernel`)]), weightOf(g, weights, `${name}.bias`)]);
}

function layerNorm(g: OnnxGraph, weights: Weights, name: string, x: string): string {
  return g.op('LayerNormalization', [x, weightOf(g, weights, `${name}.gamma`), weightOf(g, weights, `${name}.beta`)], {
    axis: -1,
    epsilon: { float: LAYER_NORM_EPSILON },
  });
}

/**
 * Sinusoidal positions for however many frames come in: PE[t, 2i] = sin(t w_i), PE[t, 2i+1] = cos(t w_i). The
 * angles and sines are taken in double, as @ser/models does in JS, and rounded to float32 once, so long inputs
 * get the same table rather than float32 angles' errors. ONNX Runtime has no double Cos: cos(a) = sin(a + pi/2).
 * frames: int64 scalar -> [frames, dModel].
 */
function sinusoidalPositions(g: OnnxGraph, frames: string, dModel: number): string {
  const rates = Array.from({ length: dModel / 2 }, (_, k) => Math.exp((-2 * k * Math.log(10000)) / dModel));
  const t = g.op('Cast', [g.op('Range', [g.constant([0], [], 'int64'), frames, g.constant([1], [], 'int64')])], { to: 11 }); // [frames] double
  const angles = g.op('Mul', [g.op('Unsqueeze', [t, g.constant([1], [1], 'int64')]), g.constant(rates, [dModel / 2], 'double')]); // [frames, dModel / 2]
  const axis2 = g.constant([2], [1], 'int64');
  const pairs = g.op(
    'Concat',
    [
      g.op('Unsqueeze', [g.op('Sin', [angles]), axis2]),
      g.op('Unsqueeze', [g.op('Sin', [g.op('Add', [angles, g.constant([Math.PI / 2], [], 'double')])]), axis2]),
    ],
    { axis: 2 },
  ); // [frames, dModel / 2, 2]
  return g.op('Cast', [g.op('Reshape', [pairs, g.constant([0, dModel], [2], 'int64')])], { to: 1 }); // [frames, dModel] float
}

/** Additive causal mask: 0 where frame t may see frame s (s <= t), -1e9 after. [frames, frames] */
function causalMask(g: OnnxGraph, positions: string): string {
  const rows = g.op('Unsqueeze', [positions, g.constant([1], [1], 'int64')]); // [frames, 1]
  const cols = g.op('Unsqueeze', [positions, g.constant([0], [1], 'int64')]); // [1, frames]
  return g.op('Where', [g.op('Greater', [cols, rows]), g.constant([-1e9], []), g.constant([0], [])]);
}

/** Masked multi-head self-attention of @ser/models causalSelfAttention. h: [batch, frames, dModel]. */
function attention(g: OnnxGraph, weights: Weights, name: string, h: string, mask: string, config: FopConfig): string {
  const headDim = config.dModel / config.numHeads;
  const [q, k, v] = g.node('Split', [dense(g, weights, `${name}.qkv`, h)], { axis: 2 }, 3) as [string, string, string]; // [batch, frames, dModel] each
  const heads = g.constant([0, 0, config.numHeads, headDim], [4], 'int64');
  const split = (x: string, perm: number[]) => g.op('Transpose', [g.op('Reshape', [x, heads])], { perm });
  const queries = split(g.op('Mul', [q, g.constant([1 / Math.sqrt(headDim)], [])]), [0, 2, 1, 3]); // [batch, heads, frames, headDim]
  const keysT = split(k, [0, 2, 3, 1]); // [batch, heads, headDim, frames]
  const scores = g.op('Add', [g.op('MatMul', [queries, keysT]), mask]); // [batch, heads, frames, frames]
  const context = g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), split(v, [0, 2, 1, 3])]); // [batch, heads, frames, headDim]
  const merged = g.op('Reshape', [g.op('Transpose', [context], { perm: [0, 2, 1, 3] }), g.constant([0, 0, config.dModel], [3], 'int64')]); // [batch, frames, dModel]
  return dense(g, weights, `${name}.out`, merged);
}

/** Post-LN encoder layer: h = LN(h + Attn(h)); h = LN(h + FFN(h)). */
function encoderLayer(g: OnnxGraph, weights: Weights, name: string, h: string, mask: string, config: FopConfig): string {
  const h1 = layerNorm(g, weights, `${name}.norm1`, g.op('Add', [h, attention(g, weights, `${name}.attn`, h, mask, config)]));
  const ffn = dense(g, weights, `${name}.ffn.out`, g.op('Relu', [dense(g, weights, `${name}.ffn.in`, h1)]));
  return layerNorm(g, weights, `${name}.norm2`, g.op('Add', [h1, ffn]));
}

/** Mean over the frames t < length of each row: [batch, frames, d] -> [batch, d]. */
function maskedMeanOverTime(g: OnnxGraph, h: string, positions: string, lengths: string): string {
  const real = g.op('Less', [g.op('Unsqueeze', [positions, g.constant([0], [1], 'int64')]), g.op('Unsqueeze', [lengths, g.constant([1], [1], 'int64')])]); // [batch, frames]
  const mask = g.op('Unsqueeze', [g.op('Cast', [real], { to: 1 }), g.constant([2], [1], 'int64')]); // [batch, frames, 1]
  const axis1 = g.constant([1], [1], 'int64');
  return g.op('Div', [g.op('ReduceSum', [g.op('Mul', [h, mask]), axis1], { keepdims: 0 }), g.op('ReduceSum', [mask, axis1], { keepdims: 0 })]);
}

export interface FopClassifierGraph {
  config: FopConfig;
  classes: readonly string[];
  weights: SavedTensors;
}

/**
 * The graph of a fop-classifier: features [batch, frames, nMels] (right-padded log-mel frames) and lengths
 * [batch] (int64, real frames per row) in; logits and probabilities [batch, classes] out (names of those values).
 */
export function buildFopClassifierGraph({ config, classes, weights: saved }: FopClassifierGraph): { graph: OnnxGraph; logits: string; probabilities: string } {
  if (config.dModel % 2 !== 0 || config.dModel % config.numHeads !== 0)
    throw new Error(`dModel ${config.dModel} must be even and divisible by ${config.numHeads} heads`);
  const weights = decodeTensors(saved);
  const head = weights.get('head.bias');
  if (head?.shape[0] !== classes.length) throw new Error(`the head has ${head?.shape[0]} outputs for ${classes.length} classes`);
  const g = new OnnxGraph();
  const frames = g.op('Gather', [g.op('Shape', [FOP_ONNX_IO.features]), g.constant([1], [], 'int64')], { axis: 0 }); // int64 scalar
  const positions = g.op('Range', [g.constant([0], [], 'int64'), frames, g.constant([1], [], 'int64')]); // [frames] int64
  const mask = causalMask(g, positions);
  let h = g.op('Add', [dense(g, weights, 'input', FOP_ONNX_IO.features), sinusoidalPositions(g, frames, config.dModel)]); // [batch, frames, dModel]
  for (let i = 0; i < config.numLayers; i++) h = encoderLayer(g, weights, `layer${i}`, h, mask, config);
  const logits = dense(g, weights, 'head', maskedMeanOverTime(g, h, positions, FOP_ONNX_IO.lengths)); // [batch, classes]
  return { graph: g, logits, probabilities: g.op('Softmax', [logits], { axis: -1 }) };
}
