import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type CompletedPart,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ArtifactData } from './artifact-store';

/**
 * Parts of a multipart upload: S3 needs at least 5 MiB for every part but the last; 8 MiB keeps memory
 * bounded (one part buffered at a time) and a 1 GiB checkpoint within 128 parts of S3's 10,000.
 */
export const PART_BYTES = 8 * 1024 * 1024;

/**
 * Streams data to bucket/key, hashing as it goes. Nothing is visible under the key until the upload completes:
 * a small artifact is one PutObject; a larger one is a multipart upload, which S3 shows only once completed and
 * which is aborted (its parts freed) when the source fails. Readers so see the old object or the new, never a mix.
 */
export async function uploadObject(client: S3Client, bucket: string, key: string, data: ArtifactData): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let uploadId: string | undefined;
  const parts: CompletedPart[] = [];

  const flushPart = async () => {
    uploadId ??= (await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }))).UploadId;
    const PartNumber = parts.length + 1;
    const body = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    const { ETag } = await client.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber, Body: body }));
    parts.push({ ETag, PartNumber });
  };

  try {
    for await (const chunk of chunksOf(data)) {
      hash.update(chunk);
      bytes += chunk.length;
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= PART_BYTES) await flushPart();
    }
    if (uploadId === undefined) {
      const body = Buffer.concat(pending, pendingBytes);
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentLength: body.length }));
    } else {
      if (pendingBytes > 0) await flushPart();
      await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
    }
  } catch (err) {
    if (uploadId !== undefined) {
      await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })).catch(() => {});
    }
    throw err;
  }
  return { bytes, sha256: hash.digest('hex') };
}

async function* chunksOf(data: ArtifactData): AsyncGenerator<Buffer> {
  if (data instanceof Uint8Array) {
    yield Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return;
  }
  for await (const chunk of data as AsyncIterable<Buffer | string>) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}
