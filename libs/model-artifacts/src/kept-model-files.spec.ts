import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalArtifactStore, type ArtifactStore } from '@ser/artifacts';
import type { SavedTensors } from '@ser/models';
import { KEPT_MODEL_KINDS, type KeptModel } from './kept-model-schema';
import { readKeptModel, readKeptWeights, writeKeptModel } from './kept-model-files';
import { KeptModelFormatError, parseKeptModel, UnknownKeptModelKindError } from './parse-kept-model';
import { decodeSafetensors } from './safetensors';
import { SAMPLE_DRAFTS, version1Files } from './testing/sample-models';
import type { WeightsRef } from './weights-file';

/** Every weights reference of a kept model, by where it sits. */
function weightRefs(model: KeptModel): Record<string, WeightsRef> {
  if (model.kind === 'fop-classifier') return { weights: model.weights };
  if (model.kind === 'sequence-model') return { weights: model.weights, ...(model.vqvae ? { vqvae: model.vqvae.weights } : {}) };
  if (model.kind === 'fop-hypercolumn-attention-lstm') return { fop: model.fop.weights, attentionLstm: model.attentionLstm.weights };
  return { fop: model.fop.weights };
}

/** The draft's tensors at the same places. */
function draftTensors(kind: KeptModel['kind']): Record<string, SavedTensors> {
  const d = SAMPLE_DRAFTS[kind] as unknown as Record<string, { weights?: SavedTensors } & SavedTensors>;
  const out: Record<string, SavedTensors> = {};
  if (d.weights) out.weights = d.weights as unknown as SavedTensors;
  for (const key of ['fop', 'vqvae', 'attentionLstm']) if (d[key]?.weights) out[key] = d[key]!.weights!;
  return out;
}

describe('kept model files', () => {
  let dir: string;
  let artifacts: ArtifactStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ser-kept-model-'));
    artifacts = createLocalArtifactStore(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('knows the four kinds the classifier-trainer keeps', () => {
    expect([...KEPT_MODEL_KINDS].sort()).toEqual(['fop-classifier', 'fop-hypercolumn-attention-lstm', 'fop-hypercolumn-classical', 'sequence-model']);
  });

  it.each(KEPT_MODEL_KINDS)('%s: written, then read back equal, with every weights file in safetensors and its tensors unchanged', async (kind) => {
    const written = await writeKeptModel(artifacts, 'models/r1', SAMPLE_DRAFTS[kind]);
    expect(written.formatVersion).toBe(2);
    const read = await readKeptModel(artifacts, 'models/r1');
    expect(read).toEqual(written);
    const expected = draftTensors(kind);
    const refs = weightRefs(read);
    expect(Object.keys(refs).sort()).toEqual(Object.keys(expected).sort());
    for (const [where, ref] of Object.entries(refs)) {
      expect(ref.format).toBe('safetensors');
      expect(ref.file).toMatch(/\.safetensors$/);
      const file = await artifacts.get(`models/r1/${ref.file}`);
      expect(decodeSafetensors(file).metadata).toEqual({ kind });
      const tensors = await readKeptWeights(artifacts, 'models/r1', ref);
      expect(tensors.manifest).toEqual(expected[where]!.manifest);
      expect(tensors.data.equals(expected[where]!.data)).toBe(true);
    }
    // The files are distinct: no two weight sets share a name.
    expect(new Set(Object.values(refs).map((r) => r.file)).size).toBe(Object.keys(refs).length);
  });

  it.each(KEPT_MODEL_KINDS)('%s: a model written before format 2 (float32 .bin weights) still reads, and its weights load', async (kind) => {
    const { json, files } = version1Files(kind);
    for (const [file, data] of Object.entries(files)) await artifacts.put(`models/old/${file}`, data);
    await artifacts.put('models/old/model.json', Buffer.from(JSON.stringify(json)));
    const read = await readKeptModel(artifacts, 'models/old');
    expect(read.formatVersion).toBe(2);
    expect(read.kind).toBe(kind);
    const expected = draftTensors(kind);
    for (const [where, ref] of Object.entries(weightRefs(read))) {
      expect(ref.format).toBe('raw-f32le');
      expect(Object.keys(files)).toContain(ref.file);
      const tensors = await readKeptWeights(artifacts, 'models/old', ref);
      expect(tensors.manifest).toEqual(expected[where]!.manifest);
      expect(tensors.data.equals(expected[where]!.data)).toBe(true);
    }
  });

  it('gives a version 1 fop-classifier the weights.bin its reader always assumed', () => {
    const { json } = version1Files('fop-classifier');
    expect((json.weights as Record<string, unknown>).file).toBeUndefined();
    const model = parseKeptModel(json);
    expect(model.kind === 'fop-classifier' && model.weights.file).toBe('weights.bin');
  });

  it('refuses what a writer must not store and a reader cannot read', async () => {
    const draft = SAMPLE_DRAFTS['fop-classifier'];
    await expect(writeKeptModel(artifacts, 'models/bad', { ...draft, classes: ['only-one'] })).rejects.toThrow();
    await expect(writeKeptModel(artifacts, 'models/bad', { ...draft, extra: 1 } as never)).rejects.toThrow(/extra/);
    expect(await artifacts.exists('models/bad/model.json')).toBe(false);
    expect(() => parseKeptModel({ kind: 'fop-transducer', classes: [] })).toThrow(UnknownKeptModelKindError);
    expect(() => parseKeptModel({ ...version1Files('fop-classifier').json, formatVersion: 3 })).toThrow(/newer than this reader/);
    expect(() => parseKeptModel({ ...version1Files('sequence-model').json, segments: { frames: 32 } })).toThrow(KeptModelFormatError);
    expect(() => parseKeptModel([])).toThrow(KeptModelFormatError);
  });

  it('refuses a weights file that disagrees with model.json', async () => {
    const written = await writeKeptModel(artifacts, 'models/r2', SAMPLE_DRAFTS['fop-classifier']);
    if (written.kind !== 'fop-classifier') throw new Error('unreachable');
    const renamed = { ...written.weights, manifest: written.weights.manifest.map((e, i) => (i === 0 ? { ...e, name: 'other' } : e)) };
    await expect(readKeptWeights(artifacts, 'models/r2', renamed)).rejects.toThrow(/embed\.kernel is not in model\.json.*other is missing/);
    const reshaped = { ...written.weights, manifest: written.weights.manifest.map((e, i) => (i === 0 ? { ...e, shape: [16, 80] } : e)) };
    await expect(readKeptWeights(artifacts, 'models/r2', reshaped)).rejects.toThrow(/shape \[80,16\], model\.json says \[16,80\]/);
  });
});
