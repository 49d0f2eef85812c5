import * as tf from '@tensorflow/tfjs';
import { createFop, DEFAULT_FOP_CONFIG, fopHypercolumns, type FopModel } from '@ser/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractHypercolumns, hypercolumnDim } from './hypercolumn-extract';

const FOP = { ...DEFAULT_FOP_CONFIG, nMels: 6, dModel: 8, numHeads: 2, ffnUnits: 12, numLayers: 2 };
const utterance = (frames: number, k: number) => Float32Array.from({ length: frames * FOP.nMels }, (_, i) => Math.sin(k * 0.7 + i * 0.37));

let fop: FopModel;
beforeAll(() => {
  fop = createFop(FOP, 7);
});
afterAll(() => fop.dispose());

describe('extractHypercolumns', () => {
  // Different lengths, so batches are right-padded and sorted; each result must equal the utterance run alone.
  const sequences = [utterance(9, 1), utterance(4, 2), utterance(7, 3), utterance(4, 4)];

  it.each(['F', 'h1', 'h2', 'add', 'concat'] as const)(
    '%s: every frame equals fopHypercolumns of the utterance alone, whatever the batch',
    (representation) => {
      const out = extractHypercolumns(fop, sequences, { representation, keepSequences: true, maxRows: 3 });
      expect(out.dim).toBe(hypercolumnDim(FOP, representation));
      sequences.forEach((s, i) => {
        const frames = s.length / FOP.nMels;
        const alone = tf.tidy(() => fopHypercolumns(fop, tf.tensor3d(s, [1, frames, FOP.nMels]))[representation]!.dataSync());
        expect(out.sequences![i]!.length).toBe(frames * out.dim);
        out.sequences![i]!.forEach((v, j) => expect(v).toBeCloseTo(alone[j]!, 4));
        for (let d = 0; d < out.dim; d++) {
          let mean = 0;
          for (let t = 0; t < frames; t++) mean += alone[t * out.dim + d]! / frames;
          expect(out.pooled[i]![d]).toBeCloseTo(mean, 4);
        }
      });
    },
  );

  it('keeps only the pooled vectors unless asked, and reads only the first maxFrames frames', () => {
    expect(extractHypercolumns(fop, sequences, { representation: 'h1', keepSequences: false }).sequences).toBeNull();
    const full = extractHypercolumns(fop, [utterance(5, 9)], { representation: 'concat', keepSequences: true });
    const cut = extractHypercolumns(fop, [utterance(9, 9).slice(0, 9 * FOP.nMels)], { representation: 'concat', keepSequences: true, maxFrames: 5 });
    expect(cut.sequences![0]!.length).toBe(5 * full.dim);
    // Same first 5 frames: FOP is causal, so cutting the later frames changes nothing before them.
    cut.sequences![0]!.forEach((v, j) => expect(v).toBeCloseTo(full.sequences![0]![j]!, 4));
  });

  it('refuses h2 on a one-layer FOP', () => {
    const shallow = createFop({ ...FOP, numLayers: 1 }, 1);
    expect(() => extractHypercolumns(shallow, sequences, { representation: 'h2', keepSequences: false })).toThrow(/h2/);
    shallow.dispose();
  });
});
