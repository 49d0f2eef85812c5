// The FOP encoder as ONNX nodes, op for op what @ser/models createFop's encode computes in inference mode (no
// dropout): W_e f_t + PE(t), post-LN causal encoder layers. Shared by every exported kind built on a FOP (the
// fine-tuned classifier, the hypercolumn models), with the dense / layer-norm pieces their heads use too.
import type { FopConfig, HypercolumnRepresentation } from '@ser/models';
import type { OnnxGraph } from './graph-builder';

/** 1e-5: @ser/models LAYER_NORM_EPSILON (PyTorch's nn.LayerNorm default), which the model was trained with. */
const LAYER_NORM_EPSILON = 1e-5;

/** Decoded float32 tensors of a kept model (@ser/models decodeTensors), by variable name. */
export type OnnxWeights = Map<string, { shape: number[]; values: Float32Array }>;

/** The initializer of one saved tensor (added once per name). */
export function weightOf(g: OnnxGraph, weights: OnnxWeights, name: string): string {
  const w = weights.get(name);
  if (!w) throw new Error(`the kept model's weights have no tensor ${name}`);
  return g.weight(name, w.shape, w.values);
}

/** x @ kernel + bias on the last axis of x (the `${name}.kernel` / `${name}.bias` of @ser/models createDense). */
export function dense(g: OnnxGraph, weights: OnnxWeights, name: string, x: string): string {
  return g.op('Add', [g.op('MatMul', [x, weightOf(g, weights, `${name}.kernel`)]), weightOf(g, weights, `${name}.bias`)]);
}

function layerNorm(g: OnnxGraph, weights: OnnxWeights, name: string, x: string): string {
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
function attention(g: OnnxGraph, weights: OnnxWeights, name: string, h: string, mask: string, config: FopConfig): string {
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
function encoderLayer(g: OnnxGraph, weights: OnnxWeights, name: string, h: string, mask: string, config: FopConfig): string {
  const h1 = layerNorm(g, weights, `${name}.norm1`, g.op('Add', [h, attention(g, weights, `${name}.attn`, h, mask, config)]));
  const ffn = dense(g, weights, `${name}.ffn.out`, g.op('Relu', [dense(g, weights, `${name}.ffn.in`, h1)]));
  return layerNorm(g, weights, `${name}.norm2`, g.op('Add', [h1, ffn]));
}

/** The values of one FOP pass (names in the graph). */
export interface FopTrunk {
  /** Frames of the input, int64 scalar, and 0..frames-1 as int64 [frames]. */
  frames: string;
  positions: string;
  /** PE(t), [frames, dModel]. */
  positionTable: string;
  /** W_e f_t + PE(t), [batch, frames, dModel]. */
  embedded: string;
  /** h_1..h_L, each [batch, frames, dModel]. */
  hidden: string[];
}

/** The FOP encoder over `features` ([batch, frames, nMels] log-mel frames); causal, so right-padding never reaches real frames. */
export function fopTrunk(g: OnnxGraph, weights: OnnxWeights, config: FopConfig, features: string): FopTrunk {
  if (config.dModel % 2 !== 0 || config.dModel % config.numHeads !== 0)
    throw new Error(`dModel ${config.dModel} must be even and divisible by ${config.numHeads} heads`);
  const frames = g.op('Gather', [g.op('Shape', [features]), g.constant([1], [], 'int64')], { axis: 0 }); // int64 scalar
  const positions = g.op('Range', [g.constant([0], [], 'int64'), frames, g.constant([1], [], 'int64')]); // [frames] int64
  const mask = causalMask(g, positions);
  const positionTable = sinusoidalPositions(g, frames, config.dModel);
  const embedded = g.op('Add', [dense(g, weights, 'input', features), positionTable]); // [batch, frames, dModel]
  const hidden: string[] = [];
  let h = embedded;
  for (let i = 0; i < config.numLayers; i++) hidden.push((h = encoderLayer(g, weights, `layer${i}`, h, mask, config)));
  return { frames, positions, positionTable, embedded, hidden };
}

/**
 * One hypercolumn representation of @ser/models fopHypercolumns over `features` ([batch, frames, nMels] ->
 * [batch, frames, dim]): F the input itself (no FOP nodes at all), h1 / h2 a layer's output, add = (embedded - PE)
 * + h_1 + ... + h_L (the embedded input less its positions, computed as there), concat = [F, h_1, ..., h_L] on the
 * feature axis. Causal, so right-padding never changes a row's real frames.
 */
export function fopHypercolumn(g: OnnxGraph, weights: OnnxWeights, config: FopConfig, features: string, representation: HypercolumnRepresentation): string {
  if (representation === 'F') return features;
  if (representation === 'h2' && config.numLayers < 2) throw new Error(`representation h2 needs a FOP with 2+ layers; this one has ${config.numLayers}`);
  const trunk = fopTrunk(g, weights, config, features);
  if (representation === 'h1') return trunk.hidden[0]!;
  if (representation === 'h2') return trunk.hidden[1]!;
  if (representation === 'add') return trunk.hidden.reduce((sum, h) => g.op('Add', [sum, h]), g.op('Sub', [trunk.embedded, trunk.positionTable]));
  return g.op('Concat', [features, ...trunk.hidden], { axis: 2 });
}
