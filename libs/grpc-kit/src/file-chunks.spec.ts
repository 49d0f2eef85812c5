import { describe, expect, it } from 'vitest';
import { fileChunks, joinFileChunks, type FileChunk } from './file-chunks';

describe('file chunks', () => {
  it('cut a file into chunks of at most the chunk size that join back into the same bytes', async () => {
    const file = Buffer.from(Array.from({ length: 2 * 4 + 3 }, (_, i) => i));
    const chunks = [...fileChunks(file, 4)];
    expect(chunks.map((c) => [c.offset, c.data.length, c.sizeBytes])).toEqual([
      [0, 4, 11],
      [4, 4, 11],
      [8, 3, 11],
    ]);
    expect((await joinFileChunks(chunks)).equals(file)).toBe(true);
  });

  it('send an empty file as one empty chunk', async () => {
    const chunks = [...fileChunks(Buffer.alloc(0))];
    expect(chunks).toEqual([{ sizeBytes: 0, offset: 0, data: Buffer.alloc(0) }]);
    expect((await joinFileChunks(chunks)).length).toBe(0);
  });

  it('refuse a stream with a gap, a changing size, a missing end or no chunk at all', async () => {
    const [a, b, c] = [...fileChunks(Buffer.alloc(10, 1), 4)] as [FileChunk, FileChunk, FileChunk];
    await expect(joinFileChunks([a, c])).rejects.toThrow(/offset 8 where 4 was expected/);
    await expect(joinFileChunks([a, { ...b, sizeBytes: 12 }])).rejects.toThrow(/12 bytes, an earlier one 10/);
    await expect(joinFileChunks([a, b])).rejects.toThrow(/after 8 of 10 bytes/);
    await expect(joinFileChunks([])).rejects.toThrow(/without a chunk/);
  });
});
