// The sequence classifiers of a sequence-model as ONNX nodes: Bai et al.'s TCN and the TACN (@ser/models tcn.ts,
// tacn.ts) in inference mode (no dropout), channels last, [utterances, steps, units]. Weight normalisation is folded
// into plain kernels here (g * v / ||v|| per output channel), so the graph holds ordinary weights. Both read the same
// causal dilated taps (zeros before the start, a Pad and k Slices); the TACN lets the taps attend to each other first.
// Read bottom-up: the taps, the folded kernel, the attention, the blocks, the classifier.
import type { TacnModelConfig, TcnConfig } from '@ser/models';
import { DEFAULT_TACN_MODEL_CONFIG, DEFAULT_TCN_CONFIG } from '@ser/models';
import { dense, type OnnxWeights } from './fop-trunk-onnx';
import type { OnnxGraph } from './graph-builder';

const int64 = (g: OnnxGraph, values: number[]) => g.constant(values, [values.length], 'int64');

/** Time offsets of the k causal taps: -(k-1)d, ..., -d, 0 (@ser/models tapOffsets, 'causal'). */
const causalOffsets = (taps: number, dilation: number) => Array.from({ length: taps }, (_, j) => -(taps - 1 - j) * dilation);

/** out[u, t, j] = x[u, t + o_j], zero before the start. [utterances, steps, units] -> [utterances, steps, taps, units]. */
function causalTaps(g: OnnxGraph, x: string, taps: number, dilation: number): string {
  const reach = (taps - 1) * dilation;
  const padded = g.op('Pad', [x, int64(g, [0, reach, 0, 0, 0, 0])]); // [u, reach + steps, units]
  const tap = (j: number) => {
    const fromEnd = reach - j * dilation; // tap j ends this many steps before the padded end
    const sliced = g.op('Slice', [padded, int64(g, [j * dilation]), int64(g, [fromEnd === 0 ? 2 ** 62 : -fromEnd]), int64(g, [1])]); // on the steps axis
    return g.op('Unsqueeze', [sliced, int64(g, [2])]); // [u, steps, 1, units]
  };
  return taps === 1
    ? tap(0)
    : g.op(
        'Concat',
        Array.from({ length: taps }, (_, j) => tap(j)),
        { axis: 2 },
      );
}

/** A weight-normalised convolution's kernel g * v / ||v|| (norm per output channel over inputs and taps), as [taps * in, out]: tap j's rows j*in.. */
function foldedKernel(weights: OnnxWeights, name: string, taps: number): { stacked: Float32Array; inUnits: number; outUnits: number } {
  const v = weights.get(`${name}.direction`);
  const gain = weights.get(`${name}.gain`);
  if (!v || !gain) throw new Error(`the sequence model's weights have no weight-normalised convolution ${name}`);
  const [inUnits, columns] = v.shape as [number, number];
  const outUnits = columns / taps;
  const norms = new Float64Array(outUnits);
  for (let i = 0; i < inUnits; i++) for (let c = 0; c < columns; c++) norms[c % outUnits]! += v.values[i * columns + c]! ** 2;
  const stacked = new Float32Array(inUnits * columns);
  for (let i = 0; i < inUnits; i++) {
    for (let j = 0; j < taps; j++) {
      for (let o = 0; o < outUnits; o++)
        stacked[(j * inUnits + i) * outUnits + o] = (v.values[i * columns + j * outUnits + o]! * gain.values[o]!) / Math.sqrt(norms[o]!);
    }
  }
  return { stacked, inUnits, outUnits };
}

/** sum_j taps_j W_j + b: [u, steps, taps, in] -> [u, steps, out]. */
function sumTaps(g: OnnxGraph, weights: OnnxWeights, name: string, tapsValue: string, taps: number): string {
  const { stacked, inUnits, outUnits } = foldedKernel(weights, name, taps);
  const flat = g.op('Reshape', [tapsValue, int64(g, [0, 0, taps * inUnits])]); // [u, steps, taps * in]
  const bias = weights.get(`${name}.bias`)!;
  return g.op('Add', [
    g.op('MatMul', [flat, g.weight(`${name}.kernel_folded`, [taps * inUnits, outUnits], stacked)]),
    g.weight(`${name}.bias`, bias.shape, bias.values),
  ]);
}

/** Per step, whether tap j is real (t + o_j >= 0): [steps, taps] bool. */
function realTaps(g: OnnxGraph, x: string, taps: number, dilation: number): string {
  const steps = g.op('Gather', [g.op('Shape', [x]), g.constant([1], [], 'int64')], { axis: 0 });
  const t = g.op('Unsqueeze', [g.op('Range', [g.constant([0], [], 'int64'), steps, g.constant([1], [], 'int64')]), int64(g, [1])]); // [steps, 1]
  return g.op('GreaterOrEqual', [g.op('Add', [t, int64(g, causalOffsets(taps, dilation))]), g.constant([0], [], 'int64')]); // [steps, taps]
}

/** TACN eqs. 4-7 on every step's taps (@ser/models tapSelfAttention): [u, steps, units] -> attended taps [u, steps, taps, units], zero before the start. */
function tapSelfAttention(g: OnnxGraph, weights: OnnxWeights, name: string, x: string, units: number, taps: number, dilation: number, heads: number): string {
  const headUnits = units / heads;
  const qkvTaps = g.op('Reshape', [causalTaps(g, dense(g, weights, `${name}.qkv`, x), taps, dilation), int64(g, [0, 0, taps, 3, heads, headUnits])]);
  const perHead = g.op('Transpose', [qkvTaps], { perm: [3, 0, 1, 4, 2, 5] }); // [3, u, steps, heads, taps, headUnits]
  const [q, k, v] = g.node('Split', [perHead], { axis: 0 }, 3).map((part) => g.op('Squeeze', [part, int64(g, [0])])) as [string, string, string];
  const scores = g.op('Div', [g.op('MatMul', [q, g.op('Transpose', [k], { perm: [0, 1, 2, 4, 3] })]), g.constant([Math.sqrt(headUnits)], [])]); // [u, steps, heads, taps, taps]
  const real = realTaps(g, x, taps, dilation); // [steps, taps]
  const keyMask = g.op('Reshape', [g.op('Where', [real, g.constant([0], []), g.constant([-1e9], [])]), int64(g, [1, -1, 1, 1, taps])]);
  const attention = g.op('Softmax', [g.op('Add', [scores, keyMask])], { axis: -1 });
  const context = g.op('Transpose', [g.op('MatMul', [attention, v])], { perm: [0, 1, 3, 2, 4] }); // [u, steps, taps, heads, headUnits]
  const merged = g.op('Reshape', [context, int64(g, [0, 0, taps, units])]); // Concat(head_1..head_h)
  const queryMask = g.op('Unsqueeze', [g.op('Cast', [real], { to: 1 }), int64(g, [0, 3])]); // [1, steps, taps, 1]
  return g.op('Mul', [dense(g, weights, `${name}.out`, merged), queryMask]);
}

/** Which sequence classifier, with its defaults filled in as @ser/models createTcn / createTacn do. */
export type TemporalConvNetwork = { kind: 'tcn'; config: TcnConfig } | { kind: 'tacn'; config: TacnModelConfig };

export function temporalConvNetwork(sequenceModel: string, classifier: Record<string, unknown>): TemporalConvNetwork | null {
  if (sequenceModel === 'tcn') return { kind: 'tcn', config: { ...DEFAULT_TCN_CONFIG, ...(classifier as Partial<TcnConfig>) } };
  if (sequenceModel === 'tacn') return { kind: 'tacn', config: { ...DEFAULT_TACN_MODEL_CONFIG, ...(classifier as Partial<TacnModelConfig>) } };
  return null;
}

/**
 * Logits of a TCN / TACN over right-padded per-segment features x [u, steps, inputUnits], read at each row's last
 * real step (lengths [u] int64). Weight names are the classifier's own, under `prefix` ('classifier').
 */
export function temporalConvLogits(g: OnnxGraph, weights: OnnxWeights, prefix: string, network: TemporalConvNetwork, x: string, lengths: string): string {
  const { config } = network;
  const taps = config.kernelSize;
  const levels = network.kind === 'tcn' ? network.config.levels : network.config.layers;
  const convolve = (name: string, input: string, units: number, dilation: number) => {
    if (network.kind === 'tcn') return sumTaps(g, weights, name, causalTaps(g, input, taps, dilation), taps);
    const attended = tapSelfAttention(g, weights, `${name}.attention`, input, units, taps, dilation, network.config.numHeads);
    return sumTaps(g, weights, `${name}.conv`, g.op('Add', [causalTaps(g, input, taps, dilation), attended]), taps);
  };
  let h = x;
  for (let i = 0; i < levels; i++) {
    const block = `${prefix}.${network.kind === 'tcn' ? 'block' : 'layer'}${i}`;
    const inUnits = i === 0 ? config.inputUnits : config.channels;
    const h1 = g.op('Relu', [convolve(`${block}.conv1`, h, inUnits, 2 ** i)]);
    const h2 = g.op('Relu', [convolve(`${block}.conv2`, h1, config.channels, 2 ** i)]);
    const residual = inUnits !== config.channels ? dense(g, weights, `${block}.downsample`, h) : h; // a 1x1 convolution
    h = g.op('Relu', [g.op('Add', [h2, residual])]); // [u, steps, channels]
  }
  // The last real step of each row: lengths - 1 gathered per row.
  const last = g.op('Unsqueeze', [g.op('Sub', [lengths, g.constant([1], [], 'int64')]), int64(g, [1, 2])]); // [u, 1, 1]
  const index = g.op('Expand', [last, g.op('Concat', [int64(g, [1, 1]), g.op('Slice', [g.op('Shape', [h]), int64(g, [2]), int64(g, [3])])], { axis: 0 })]);
  const atLast = g.op('Squeeze', [g.op('GatherElements', [h, index], { axis: 1 }), int64(g, [1])]); // [u, channels]
  return dense(g, weights, `${prefix}.head`, atLast);
}
