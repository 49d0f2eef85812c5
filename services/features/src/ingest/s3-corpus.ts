import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { joinS3Key, parseS3Uri } from '@ser/artifacts';
import { DomainError } from '@ser/grpc-kit';

/**
 * Corpora named by `s3://bucket/prefix`: the importers and the feature workers read files, so the corpus is
 * copied into a cache folder first, `<cacheDir>/<bucket>/<prefix>/`. The folder depends on the URI alone, so every
 * replica finds the same root; a file already there with the object's size is not fetched again.
 */
export interface S3CorpusOptions {
  client: S3Client;
  cacheDir: string;
}

/** The local folder an s3:// corpus is copied into. */
export function s3CorpusRoot(cacheDir: string, uri: string): string {
  const { bucket, prefix } = parseS3Uri(uri);
  return join(cacheDir, bucket, ...(prefix ? prefix.split('/') : []));
}

/** An s3:// corpus must lie under one of the s3:// corpus roots (SER_CORPUS_ROOTS), as a directory must under a folder one. */
export function assertS3CorpusAllowed(uri: string, roots: string[]): void {
  let location;
  try {
    location = parseS3Uri(uri);
  } catch (err) {
    throw new DomainError('INVALID_ARGUMENT', (err as Error).message, { violations: [{ field: 'uri', description: 'malformed s3:// location' }] });
  }
  const inside = roots
    .filter((r) => r.startsWith('s3://'))
    .some((root) => {
      const allowed = parseS3Uri(root);
      return (
        allowed.bucket === location.bucket && (allowed.prefix === '' || location.prefix === allowed.prefix || location.prefix.startsWith(`${allowed.prefix}/`))
      );
    });
  if (!inside) {
    throw new DomainError('PERMISSION_DENIED', `corpus location '${uri}' is outside the allowed corpus roots`, {
      violations: [
        {
          field: 'uri',
          description: `must be under one of the s3:// entries of SER_CORPUS_ROOTS: ${roots.filter((r) => r.startsWith('s3://')).join(', ') || 'none'}`,
        },
      ],
    });
  }
}

/**
 * Copies the corpus at uri into its cache folder and returns that folder: every object, or only the relative
 * paths in `only` (a work item's files). A key that would leave the folder ('..', absolute) is refused.
 */
export async function fetchS3Corpus(opts: S3CorpusOptions, uri: string, only?: string[]): Promise<string> {
  const { bucket, prefix } = parseS3Uri(uri);
  const root = s3CorpusRoot(opts.cacheDir, uri);
  const base = prefix ? `${prefix}/` : '';
  const wanted = only ? new Set(only) : null;
  let objects = 0;
  let ContinuationToken: string | undefined;
  do {
    const page = await opts.client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: base, ContinuationToken }));
    for (const object of page.Contents ?? []) {
      const rel = object.Key!.slice(base.length);
      if (rel === '' || rel.endsWith('/') || (wanted && !wanted.has(rel))) continue; // folder markers hold no data
      if (rel.split('/').some((s) => s === '' || s === '.' || s === '..')) throw new Error(`corpus object ${object.Key} has an unsafe path`);
      await fetchObject(opts.client, bucket, object.Key!, join(root, rel), object.Size ?? -1);
      objects++;
    }
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  if (objects === 0 && !wanted) throw new DomainError('NOT_FOUND', `corpus location '${uri}' holds no objects`);
  if (wanted && objects < wanted.size) throw new Error(`corpus ${uri} lacks ${wanted.size - objects} of the work item's ${wanted.size} files`);
  return root;
}

/**
 * One file of the corpus at uri (a relative path the caller has checked), copied into the same cache folder as
 * fetchS3Corpus, and not fetched again when already there: returns its local path. One HEAD, no listing.
 */
export async function fetchS3CorpusFile(opts: S3CorpusOptions, uri: string, rel: string): Promise<string> {
  const { bucket, prefix } = parseS3Uri(uri);
  const key = joinS3Key(prefix, rel);
  const head = await opts.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  const target = join(s3CorpusRoot(opts.cacheDir, uri), rel);
  await fetchObject(opts.client, bucket, key, target, head.ContentLength ?? -1);
  return target;
}

async function fetchObject(client: S3Client, bucket: string, key: string, target: string, size: number): Promise<void> {
  const present = await stat(target).then(
    (s) => s.size,
    () => -1,
  );
  if (present === size && size >= 0) return;
  await mkdir(dirname(target), { recursive: true });
  // Download beside the target and rename: a replica reading the cache never sees half a file.
  const temp = `${target}.part-${randomBytes(6).toString('hex')}`;
  try {
    const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    await pipeline(Body as Readable, createWriteStream(temp));
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
}
