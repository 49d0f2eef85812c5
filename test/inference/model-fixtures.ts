import type { ArtifactStore } from '@ser/artifacts';
import { encodeWav } from '@ser/audio';
import { writeKeptModel } from '@ser/model-artifacts';
import { createFop, createFopClassifier, saveVariables, type FopConfig } from '@ser/models';
import type { MetadataStore } from '@ser/store';

export const TINY_FOP: FopConfig = { nMels: 80, dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1, dropout: 0.1, attentionDropout: 0.1 };
export const CLASSES = ['angry', 'happy', 'neutral', 'sad'];

/**
 * A FOP classifier with random weights, kept as a classifier run keeps one (@ser/model-artifacts writeKeptModel,
 * kind 'fop-classifier'), registered as the next version of `name`. Returns its version number.
 */
export async function registerRandomModel(
  store: MetadataStore,
  artifacts: ArtifactStore,
  name: string,
  seed: number,
  fop: FopConfig = TINY_FOP,
): Promise<number> {
  const model = createFop(fop, seed);
  const classifier = createFopClassifier(model, CLASSES.length, seed);
  const weights = saveVariables(classifier.variables);
  classifier.dispose();
  model.dispose();
  const key = `models/test-${name}-${seed}`;
  const lineage = { runId: '', datasetVersionId: '', pretrainedCheckpointId: null };
  await writeKeptModel(artifacts, key, { kind: 'fop-classifier', fop, classes: CLASSES, weights, bestEpoch: 0, lineage });
  return (await store.models.createVersion({ modelName: name, artifactKey: key, lineage: { labels: CLASSES } })).version;
}

/** A harmonic tone (voiced) of `seconds` at `rate`, or silence when loudness is 0. */
export function tone(seconds: number, rate = 16000, loudness = 0.3, f0 = 180): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < out.length; i++) {
    let v = 0;
    for (let h = 1; h <= 4; h++) v += Math.sin((2 * Math.PI * f0 * h * i) / rate) / h;
    out[i] = (loudness * v) / 2;
  }
  return out;
}

export const wavClip = (seconds: number, rate = 16000): Buffer => Buffer.from(encodeWav(tone(seconds, rate), rate));

/** Interleaved 16-bit little-endian PCM of mono samples. */
export function pcm16(samples: Float32Array): Buffer {
  const out = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => out.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(s * 32767))), i * 2));
  return out;
}
