import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { finiteDifferenceGradient, maxRelativeError } from './layers/conv-gradient-check';
import { createAttention } from './layers/attention';
import { conv1dTaps, createWeightNormConv1d } from './layers/conv1d';
import { VariableFactory } from './layers/variables';
import { createAdam } from './training/optimizer-state';
import { maxAbsDiff, seededTensor3d } from './testing/fixtures';
import { createSequenceNetwork, type SequenceNetworkConfig } from './sequence-network';
import { attentiveCausalConv, causalTaps, createTacn, tacnConfigProblems, tapSelfAttention, DEFAULT_TACN_MODEL_CONFIG, type AttentiveConvParams } from './tacn';
import { createTcn, sequenceClassifierLoss } from './tcn';

const TINY = { inputUnits: 6, channels: 8, numHeads: 2, layers: 3, numClasses: 3 };

beforeAll(async () => {
  await initTfjs({ prefer: 'cpu' });
});

function attentiveConvParams(inUnits: number, channels: number, seed: number): AttentiveConvParams {
  const factory = new VariableFactory('spec', seed);
  const attention = createAttention(factory, 'attention', inUnits);
  // Non-zero biases, so the reference below checks them too.
  attention.qkv.bias.assign(tf.mul(seededTensor3d([1, 1, 3 * inUnits], seed + 1).reshape([3 * inUnits]), 0.3));
  attention.out.bias.assign(tf.mul(seededTensor3d([1, 1, inUnits], seed + 2).reshape([inUnits]), 0.3));
  return { attention, conv: createWeightNormConv1d(factory, 'conv', inUnits, channels, 3) };
}

/**
 * Eqs. 4-7 written out step by step: S_n = the real taps x_{t-(k-1-j)d}; per head softmax(Q K^T / sqrt(d_h)) V with
 * Q = S W^Q, K = S W^K, V = S W^V; heads concatenated and projected by W. Taps before the start give zero rows.
 */
function referenceTapAttention(p: AttentiveConvParams, x: number[][], taps: number, dilation: number, heads: number): number[][][] {
  const units = x[0]!.length;
  const headUnits = units / heads;
  const [wqkv, bqkv, wo, bo] = [p.attention.qkv.kernel, p.attention.qkv.bias, p.attention.out.kernel, p.attention.out.bias].map((v) => v.arraySync()) as [
    number[][],
    number[],
    number[][],
    number[],
  ];
  const project = (row: number[], w: number[][], b: number[], from: number, size: number) =>
    Array.from({ length: size }, (_, c) => b[from + c]! + row.reduce((s, v, i) => s + v * w[i]![from + c]!, 0));
  return x.map((_, t) => {
    const real = Array.from({ length: taps }, (_, j) => t - (taps - 1 - j) * dilation).filter((s) => s >= 0);
    const S = real.map((s) => x[s]!);
    const q = S.map((row) => project(row, wqkv, bqkv, 0, units));
    const k = S.map((row) => project(row, wqkv, bqkv, units, units));
    const v = S.map((row) => project(row, wqkv, bqkv, 2 * units, units));
    const concat = S.map((_, i) =>
      Array.from({ length: heads }).flatMap((__, h) => {
        const slice = (m: number[][], r: number) => m[r]!.slice(h * headUnits, (h + 1) * headUnits);
        const scores = S.map((___, j) => slice(q, i).reduce((s, qv, c) => s + qv * slice(k, j)[c]!, 0) / Math.sqrt(headUnits));
        const top = Math.max(...scores);
        const e = scores.map((s) => Math.exp(s - top));
        const z = e.reduce((a, b) => a + b, 0);
        return Array.from({ length: headUnits }, (____, c) => e.reduce((s, w, j) => s + (w / z) * slice(v, j)[c]!, 0));
      }),
    );
    const attended = concat.map((row) => project(row, wo, bo, 0, units));
    const padding = Array.from({ length: taps - real.length }, () => new Array<number>(units).fill(0));
    return [...padding, ...attended];
  });
}

describe('attention over the dilated taps (TACN paper eqs. 4-7)', () => {
  it('stacks causal taps with zeros before the start', () => {
    const x = tf.tensor3d([1, 2, 3, 4, 5], [1, 5, 1]);
    expect(causalTaps(x, 3, 2).reshape([5, 3]).arraySync()).toEqual([
      [0, 0, 1],
      [0, 0, 2],
      [0, 1, 3],
      [0, 2, 4],
      [1, 3, 5],
    ]);
  });

  it("shifts its taps exactly as the causal convolution does (one shift for both), even past the sequence's length", () => {
    // An identity kernel per tap makes conv1dTaps' per-tap output the shifted input itself.
    const units = 2;
    const identity = tf.concat(
      Array.from({ length: 3 }, () => tf.eye(units)),
      1,
    ); // [in, taps * out]
    const params = { kernel: identity, bias: tf.zeros([units]) };
    for (const dilation of [1, 2, 8]) {
      const x = seededTensor3d([2, 5, units], dilation);
      const conv = conv1dTaps(params, x, { taps: 3, dilation, padding: 'causal' });
      expect(maxAbsDiff(causalTaps(x, 3, dilation), conv)).toBe(0);
    }
  });

  it('is multi-head self-attention with Q = K = V = S_n, per-head projections and an output projection', () => {
    const p = attentiveConvParams(4, 6, 1);
    const x = seededTensor3d([1, 9, 4], 2);
    const ours = tapSelfAttention(p.attention, x, 3, 2, 2).arraySync()[0]!;
    const reference = referenceTapAttention(p, x.arraySync()[0]!, 3, 2, 2);
    expect(maxAbsDiff(tf.tensor(ours), tf.tensor(reference))).toBeLessThan(1e-5);
  });

  it('feeds the taps plus their attention to the convolution: a tap sum with the kernel weights of eq. 3', () => {
    const p = attentiveConvParams(4, 6, 3);
    const x = seededTensor3d([2, 7, 4], 4);
    const attended = tf.add(causalTaps(x, 3, 1), tapSelfAttention(p.attention, x, 3, 1, 2)).arraySync() as number[][][][];
    const kernel = tf
      .mul(p.conv.direction, tf.div(p.conv.gain, tf.sqrt(tf.sum(tf.square(tf.reshape(p.conv.direction, [4, 3, 6])), [0, 1]))).tile([3]))
      .arraySync() as number[][];
    const bias = p.conv.bias.arraySync() as number[];
    const expected = attended.map((steps) =>
      steps.map((tapRows) => bias.map((b, c) => b + tapRows.reduce((s, row, j) => s + row.reduce((r, v, i) => r + v * kernel[i]![j * 6 + c]!, 0), 0))),
    );
    expect(maxAbsDiff(attentiveCausalConv(p, x, 1, 2), tf.tensor(expected))).toBeLessThan(1e-5);
  });

  it('is causal and has gradients that match finite differences', () => {
    const p = attentiveConvParams(4, 4, 5);
    const x = seededTensor3d([1, 7, 4], 6);
    const later = tf.concat([x.slice([0, 0, 0], [1, 4, 4]), tf.fill([1, 3, 4], 5)], 1) as tf.Tensor3D;
    expect(maxAbsDiff(attentiveCausalConv(p, x, 2, 2).slice([0, 0, 0], [1, 4, 4]), attentiveCausalConv(p, later, 2, 2).slice([0, 0, 0], [1, 4, 4]))).toBe(0);
    const w = seededTensor3d([1, 7, 4], 7);
    const loss = (xx: tf.Tensor, qkv: tf.Tensor, direction: tf.Tensor) =>
      tf.sum(
        tf.mul(
          attentiveCausalConv(
            { attention: { ...p.attention, qkv: { kernel: qkv, bias: p.attention.qkv.bias } }, conv: { ...p.conv, direction } } as never,
            xx as tf.Tensor3D,
            2,
            2,
          ),
          w,
        ),
      ) as tf.Scalar;
    const inputs = [x, p.attention.qkv.kernel.clone(), p.conv.direction.clone()];
    const analytic = tf.grads(loss)(inputs);
    inputs.forEach((_, i) => expect(maxRelativeError(analytic[i]!.dataSync(), finiteDifferenceGradient(loss, inputs, i))).toBeLessThan(5e-3));
  });
});

describe('TACN', () => {
  it('computes exactly its TCN when the attention adds nothing (output projection at zero)', () => {
    const config = { inputUnits: 6, channels: 8, numHeads: 2, layers: 3, numClasses: 3 };
    const tacn = createTacn(config, 4);
    const tcn = createTcn({ ...config, levels: 3 }, 4);
    for (const [name, v] of Object.entries(tacn.variables)) {
      if (name.includes('.attention.out.')) v.assign(tf.zerosLike(v));
      const twin = tcn.variables[name.replace(/^layer/, 'block').replace('.conv.', '.')];
      if (twin) twin.assign(v);
    }
    const x = seededTensor3d([2, 9, 6], 8);
    expect(maxAbsDiff(tacn.forward(x, { training: false }), tcn.forward(x, { training: false }))).toBeLessThan(1e-5);
    tacn.dispose();
    tcn.dispose();
  });

  it("is the TCN's residual network with attention added: two weight-normalised convolutions per block, 8 blocks of 8 heads", () => {
    const tacn = createTacn({}, 1);
    const tcn = createTcn({}, 1);
    const names = (vars: Record<string, unknown>) => Object.keys(vars).map((n) => n.replace(/^layer/, 'block'));
    const withoutAttention = names(tacn.variables).filter((n) => !n.includes('.attention.'));
    expect(withoutAttention.map((n) => n.replace(/^(block\d+)\.(conv\d)\.conv\./, '$1.$2.')).sort()).toEqual(names(tcn.variables).sort());
    expect(Object.keys(tacn.variables).filter((n) => n.endsWith('.attention.qkv.kernel'))).toHaveLength(16);
    expect(tacn.forward(seededTensor3d([2, 5, 256], 1), { training: false }).shape).toEqual([2, 4]);
    tacn.dispose();
    tcn.dispose();
  });

  it('refuses a resolved config whose widths do not divide into its heads, saying which width', () => {
    expect(tacnConfigProblems(DEFAULT_TACN_MODEL_CONFIG)).toEqual([]);
    expect(() => createTacn({ ...TINY, inputUnits: 250, numHeads: 8, channels: 64 })).toThrow(/inputUnits = 250 .*not divisible by numHeads = 8/);
    expect(tacnConfigProblems({ ...DEFAULT_TACN_MODEL_CONFIG, channels: 12 })).toEqual([
      expect.stringMatching(/^TACN model width channels = 12 .*numHeads = 8/),
    ]);
    // Through the network a run builds: a fused width of 250 (set by the fusion layer, not the TACN's own config).
    const network: SequenceNetworkConfig = {
      sequenceModel: 'tacn',
      cnn: { frames: 32, bins: 129, layers: [{ filters: 2, kernel: 3 }], representationUnits: 8, dropout: 0 } as never,
      fusion: null,
      classifier: { inputUnits: 250, numClasses: 4 },
    };
    expect(() => createSequenceNetwork(network, 1)).toThrow(RangeError);
    expect(() => createSequenceNetwork(network, 1)).toThrow(/inputUnits = 250/);
  });

  it('classifies a padded utterance like the unpadded one', () => {
    const model = createTacn(TINY, 2);
    const short = seededTensor3d([1, 4, 6], 3);
    const padded = tf.concat([short, tf.fill([1, 3, 6], 9)], 1) as tf.Tensor3D;
    const batch = tf.concat([padded, seededTensor3d([1, 7, 6], 4)]) as tf.Tensor3D;
    const alone = model.forward(short, { training: false });
    const inBatch = model.forward(batch, { training: false, lengths: [4, 7] });
    expect(maxAbsDiff(inBatch.slice(0, 1), alone)).toBeLessThan(1e-5);
    model.dispose();
  });

  it('learns a toy task: which half of the utterance carries a bump', async () => {
    const model = createTacn({ ...TINY, numClasses: 2, dropout: 0 }, 3);
    const x = tf.tidy(() => {
      const base = tf.mul(seededTensor3d([8, 6, 6], 5), 0.1);
      const bump = tf.tensor3d(
        Array.from({ length: 8 * 6 * 6 }, (_, i) => ((Math.floor(i / 36) % 2 === 0) === Math.floor(i / 6) % 6 < 3 ? 1 : 0)),
        [8, 6, 6],
      );
      return tf.add(base, bump) as tf.Tensor3D;
    });
    const labels = [0, 1, 0, 1, 0, 1, 0, 1];
    const optimizer = createAdam({ learningRate: 1e-2 });
    const losses: number[] = [];
    for (let i = 0; i < 30; i++)
      losses.push(
        optimizer.minimize(() => sequenceClassifierLoss(model, x, labels, { training: true, seed: i }), true, Object.values(model.variables))!.dataSync()[0]!,
      );
    expect(losses[losses.length - 1]!).toBeLessThan(0.2);
    optimizer.dispose();
    model.dispose();
  });
});
