// Whole files over server streams (DownloadModelArtifact, ReadUtteranceAudio): one message per chunk, each far
// under gRPC's 4 MiB default message limit, and the client side that puts a file back together.

/** Largest chunk a file is streamed in: 1 MiB, a quarter of gRPC's 4 MiB default message limit. */
export const FILE_CHUNK_BYTES = 1024 * 1024;

/** A piece of a streamed file, as the chunk messages carry it (size_bytes, offset, data). */
export interface FileChunk {
  /** Size of the whole file in bytes. */
  sizeBytes: number;
  /** Where this chunk starts in the file. */
  offset: number;
  data: Uint8Array;
}

/** The file's chunks in order; an empty file still gets one (empty) chunk, so the client learns it exists. */
export function* fileChunks(bytes: Uint8Array, chunkBytes = FILE_CHUNK_BYTES): Generator<FileChunk> {
  for (let offset = 0; offset === 0 || offset < bytes.length; offset += chunkBytes) {
    yield { sizeBytes: bytes.length, offset, data: bytes.subarray(offset, offset + chunkBytes) };
  }
}

/**
 * One file from its chunks, in the order fileChunks sent them. A gap, an overlap or a short file throws: a
 * broken stream must not pass for a smaller file.
 */
export async function joinFileChunks(chunks: AsyncIterable<FileChunk> | Iterable<FileChunk>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let received = 0;
  let size = -1;
  for await (const chunk of chunks) {
    if (chunk.offset !== received) throw new Error(`file chunk at offset ${chunk.offset} where ${received} was expected`);
    if (size >= 0 && chunk.sizeBytes !== size) throw new Error(`file chunk says the file has ${chunk.sizeBytes} bytes, an earlier one ${size}`);
    size = chunk.sizeBytes;
    parts.push(chunk.data);
    received += chunk.data.length;
  }
  if (size < 0) throw new Error('the file stream ended without a chunk');
  if (received !== size) throw new Error(`the file stream ended after ${received} of ${size} bytes`);
  return Buffer.concat(parts);
}
