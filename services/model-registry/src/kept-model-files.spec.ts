import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalArtifactStore } from '@ser/artifacts';
import { FILE_CHUNK_BYTES } from '@ser/grpc-kit';
import type { ModelVersion } from '@ser/store';
import { keptModelChunks, modelCardOf } from './kept-model-files';

const version = (artifactKey: string): ModelVersion => ({
  id: 'v1',
  modelName: 'm',
  version: 1,
  runId: null,
  metrics: {},
  lineage: {},
  artifactKey,
  createdAt: new Date(0),
});

describe('kept-model files of a version', () => {
  const dirs: string[] = [];
  const store = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ser-registry-files-'));
    dirs.push(dir);
    return createLocalArtifactStore(dir);
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('streams every file under the folder, in order, in chunks that put the files back together', async () => {
    const artifacts = store();
    const weights = Buffer.alloc(2 * FILE_CHUNK_BYTES + 123, 7);
    await artifacts.put('models/run1/model.json', Buffer.from('{}'));
    await artifacts.put('models/run1/weights.safetensors', weights);
    await artifacts.put('models/run1/empty.txt', Buffer.alloc(0));
    // A sibling whose name starts with the same characters is another run's model, not this one's.
    await artifacts.put('models/run10/model.json', Buffer.from('other'));

    const chunks: Array<{ path: string; sizeBytes: number; offset: number; data: Buffer }> = [];
    for await (const c of keptModelChunks(artifacts, version('models/run1'))) {
      chunks.push({ path: String(c.path), sizeBytes: Number(c.sizeBytes), offset: Number(c.offset), data: Buffer.from(c.data as Uint8Array) });
    }
    expect(chunks.map((c) => [c.path, c.offset, c.data.length])).toEqual([
      ['empty.txt', 0, 0],
      ['model.json', 0, 2],
      ['weights.safetensors', 0, FILE_CHUNK_BYTES],
      ['weights.safetensors', FILE_CHUNK_BYTES, FILE_CHUNK_BYTES],
      ['weights.safetensors', 2 * FILE_CHUNK_BYTES, 123],
    ]);
    expect(chunks.every((c) => c.sizeBytes === (c.path === 'weights.safetensors' ? weights.length : c.path === 'model.json' ? 2 : 0))).toBe(true);
    expect(Buffer.concat(chunks.filter((c) => c.path === 'weights.safetensors').map((c) => c.data)).equals(weights)).toBe(true);
  });

  it('is NOT_FOUND for a version without files or without a card', async () => {
    const artifacts = store();
    const none = keptModelChunks(artifacts, version('models/gone'));
    await expect(none.next()).rejects.toMatchObject({ code: 5 });
    await expect(modelCardOf(artifacts, version('models/gone'))).rejects.toMatchObject({ code: 5 });
  });
});
