import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { createS3Client, joinS3Key, parseS3Uri, uploadObject, type S3ConnectionOptions } from '@ser/artifacts';

/**
 * `ser corpus publish --upload s3://bucket/prefix`: copies every file under dir to the prefix, keeping the
 * folder layout (the importers read it: actor folders, label files), and returns the URI to publish.
 */
export async function uploadCorpus(
  dir: string,
  uri: string,
  connection: S3ConnectionOptions,
  onFile?: (done: number, total: number) => void,
): Promise<{ uri: string; files: number; bytes: number }> {
  const { bucket, prefix } = parseS3Uri(uri);
  const client = createS3Client(connection);
  try {
    const files = await filesUnder(dir);
    let bytes = 0;
    for (const [i, file] of files.entries()) {
      const key = joinS3Key(prefix, relative(dir, file).split(sep).join('/'));
      bytes += (await uploadObject(client, bucket, key, createReadStream(file))).bytes;
      onFile?.(i + 1, files.length);
    }
    return { uri: `s3://${bucket}${prefix ? `/${prefix}` : ''}`, files: files.length, bytes };
  } finally {
    client.destroy();
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
