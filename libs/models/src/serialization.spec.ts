import * as tf from '@tensorflow/tfjs';
import { initTfjs } from '@ser/tfjs-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFop } from './fop';
import { createFopClassifier } from './fop-heads';
import { decodeTensors, encodeTensors, loadVariables, saveVariables } from './serialization';
import { TINY_FOP, maxAbsDiff, seededTensor3d } from './testing/fixtures';

beforeAll(async () => {
  await initTfjs({ prefer: 'wasm' });
});

describe('variable serialisation', () => {
  it('writes a manifest sorted by name and float32 little-endian data in that order', () => {
    const saved = encodeTensors({ b: tf.tensor1d([1.5, -2]), a: tf.tensor2d([[0.25]]) });
    expect(saved.manifest).toEqual([
      { name: 'a', shape: [1, 1], dtype: 'float32' },
      { name: 'b', shape: [2], dtype: 'float32' },
    ]);
    expect(saved.data.length).toBe(12);
    expect([0, 4, 8].map((o) => saved.data.readFloatLE(o))).toEqual([0.25, 1.5, -2]);
    expect(Array.from(decodeTensors(saved).get('b')!.values)).toEqual([1.5, -2]);
  });

  it('round-trips a FOP: a fresh model loaded from the checkpoint gives identical outputs', () => {
    const original = createFop(TINY_FOP, 1);
    const fresh = createFop(TINY_FOP, 2);
    const x = seededTensor3d([2, 6, 8], 3);
    const expected = original.forward(x, { training: false }).prediction;
    expect(maxAbsDiff(fresh.forward(x, { training: false }).prediction, expected)).toBeGreaterThan(1e-3);
    const saved = saveVariables(original.variables);
    loadVariables(fresh.variables, { manifest: JSON.parse(JSON.stringify(saved.manifest)), data: Buffer.from(saved.data) });
    expect(maxAbsDiff(fresh.forward(x, { training: false }).prediction, expected)).toBe(0);
    original.dispose();
    fresh.dispose();
  });

  it('refuses a checkpoint with a missing variable, a wrong shape, or unknown variables', () => {
    const fop = createFop(TINY_FOP, 1);
    const saved = saveVariables(fop.variables);
    const wider = createFop({ ...TINY_FOP, ffnUnits: 25 }, 1);
    expect(() => loadVariables(wider.variables, saved)).toThrow(/layer0.ffn.in.kernel: checkpoint shape \[16,24\] differs/);
    const classifier = createFopClassifier(fop, 4);
    expect(() => loadVariables(classifier.variables, saved)).toThrow(/no variable head\.kernel/);
    const trunkOnly = Object.fromEntries(Object.entries(classifier.variables).filter(([n]) => !n.startsWith('head.')));
    expect(() => loadVariables(trunkOnly, saved)).toThrow(/unknown to the model: output.bias, output.kernel/);
    expect(() => loadVariables(trunkOnly, saved, { allowUnused: true })).not.toThrow();
    expect(() => loadVariables(fop.variables, { ...saved, data: saved.data.subarray(4) })).toThrow(/ends before/);
    classifier.dispose();
    wider.dispose();
    fop.dispose();
  });
});
