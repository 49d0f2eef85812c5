import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalArtifactStore } from '@ser/artifacts';
import type { EvaluationItem } from '@ser/evaluation';
import { initTfjs } from '@ser/tfjs-backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequenceModelRunConfigSchema } from '../../run/classifier-config';
import { runSequenceJob } from './sequence-job';

// Issue 12, job level: a sequence-model run evaluates whole utterances, not their first maxSegments segments.
// Every utterance here opens with the same segment and carries its class only after it; the run trains on
// 1-segment windows (maxSegments 1). Evaluated on its first segment alone, every test utterance would be the same
// input, so the whole test set would get one class. The run must predict both.
const SHAPE = { frames: 32, bins: 129 };
const SIZE = SHAPE.frames * SHAPE.bins;
const SEGMENTS = 4;
const SPEAKERS = ['s1', 's2', 's3', 's4', 's5', 's6'];
const CLASSES = ['high', 'low'];

/** A seeded stream in [0, 1) (mulberry32), so the corpus is the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The shared first segment, then SEGMENTS - 1 segments around +3 ('high') or -3 ('low'). */
function utterance(label: string, seed: number): Float32Array {
  const next = random(seed);
  const data = new Float32Array(SEGMENTS * SIZE);
  for (let i = 0; i < SIZE; i++) data[i] = Math.sin(i * 0.01);
  const offset = label === 'high' ? 3 : -3;
  for (let i = SIZE; i < data.length; i++) data[i] = Math.sin(i * 0.01) + offset + (next() - 0.5);
  return data;
}

describe('a sequence-model run evaluates whole utterances (job level)', () => {
  let dir: string;

  beforeAll(async () => {
    await initTfjs({ prefer: 'cpu' });
    dir = mkdtempSync(join(tmpdir(), 'ser-sequence-job-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tells utterances apart by what follows the first maxSegments segments', async () => {
    const items: EvaluationItem[] = [];
    const sequences: Float32Array[] = [];
    for (const speaker of SPEAKERS) {
      for (const [k, label] of [...CLASSES, ...CLASSES].entries()) {
        items.push({ utteranceId: `${speaker}-${k}`, label, speaker, session: '' });
        sequences.push(utterance(label, items.length));
      }
    }
    const config = sequenceModelRunConfigSchema.parse({
      method: 'sequence-model',
      datasetVersionId: 'dv',
      sequenceModel: 'tacn',
      features: 'deep',
      protocol: { kind: 'speaker-holdout', testSpeakers: ['s1', 's2'] },
      validationSplit: 'stratified',
      seed: 3,
      optimizer: 'adam',
      learningRate: 0.01,
      epochs: 6,
      batchSize: 4,
      patience: 6,
      maxSegments: 1,
      model: { cnnFilters: [2], representationUnits: 4, channels: 4, layers: 2, numHeads: 2 },
    });
    const noop = () => {};
    const evaluation = await runSequenceJob(
      { runId: 'whole', config, items, sequences, shape: SHAPE, classes: CLASSES, artifacts: createLocalArtifactStore(dir) },
      { onEpoch: noop, onFold: noop, onModelSaved: noop, shouldCancel: () => false },
    );
    const { confusion, total } = evaluation!.pooled;
    expect(total).toBe(8);
    // Columns are predicted classes: both are used. Read from the first segment only, one column would hold all 8.
    const predicted = CLASSES.map((_, p) => confusion.matrix.reduce((sum, row) => sum + row[p]!, 0));
    expect(Math.min(...predicted), `predicted per class: ${predicted.join(', ')}`).toBeGreaterThan(0);
  }, 300_000);
});
