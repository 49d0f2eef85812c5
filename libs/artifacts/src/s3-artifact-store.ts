import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { ArtifactStore } from './artifact-store';
import { ArtifactNotFoundError, assertValidKey, assertValidPrefix, TEMP_DIR } from './keys';
import { joinS3Key, parseS3Uri } from './s3-location';
import { uploadObject } from './s3-upload';

/**
 * How to reach an S3-compatible server. Plain data, so a trainer can hand it to its worker thread.
 * Credentials are not here: the SDK's default chain reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
 * (the chart maps them from a Secret), a web identity token or an instance role.
 */
export interface S3ConnectionOptions {
  /** e.g. http://minio:9000; unset: AWS itself. */
  endpoint?: string;
  /** Default us-east-1 (most S3-compatible servers ignore it, but the signature needs one). */
  region?: string;
  /** Bucket in the path, not the host name: what most self-hosted servers need. Default: true when endpoint is set. */
  forcePathStyle?: boolean;
  /** Static credentials (tests); production leaves them to the default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export function createS3Client(opts: S3ConnectionOptions = {}): S3Client {
  const config: S3ClientConfig = {
    region: opts.region ?? 'us-east-1',
    forcePathStyle: opts.forcePathStyle ?? opts.endpoint !== undefined,
    // Checksums only where S3 requires them: the newer default trailing CRC32 is not understood by every
    // S3-compatible server, and put() already records a SHA-256 of its own.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(opts.endpoint && { endpoint: opts.endpoint }),
    ...(opts.credentials && { credentials: opts.credentials }),
  };
  return new S3Client(config);
}

const isNotFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

/**
 * Artifacts as objects under `s3://bucket/prefix/`, for clusters without a volume every pod can share.
 * Same keys and guarantees as the directory store (the contract suite runs against both); keys map to
 * `prefix/key`. localPath() has no meaning here and throws.
 */
export function createS3ArtifactStore(uri: string, opts: S3ConnectionOptions & { client?: S3Client } = {}): ArtifactStore {
  const { bucket, prefix } = parseS3Uri(uri);
  const client = opts.client ?? createS3Client(opts);
  const objectKey = (key: string) => {
    assertValidKey(key);
    return joinS3Key(prefix, key);
  };

  async function getObject(key: string, range?: string) {
    try {
      return await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey(key), Range: range }));
    } catch (err) {
      if (isNotFound(err)) throw new ArtifactNotFoundError(key);
      throw err;
    }
  }

  async function exists(key: string): Promise<boolean> {
    try {
      await client.send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  return {
    async put(key, data) {
      const { bytes, sha256 } = await uploadObject(client, bucket, objectKey(key), data);
      return { key, bytes, sha256 };
    },

    async get(key) {
      const { Body } = await getObject(key);
      return Buffer.from(await Body!.transformToByteArray());
    },

    async getRange(key, offset, length) {
      if (length === 0) return Buffer.alloc(0);
      const { Body } = await getObject(key, `bytes=${offset}-${offset + length - 1}`);
      return Buffer.from(await Body!.transformToByteArray());
    },

    createReadStream(key) {
      objectKey(key); // an invalid key throws at once, as in the directory store
      // The object is only found asynchronously: a missing one fails the stream with ArtifactNotFoundError.
      return Readable.from(
        (async function* () {
          const { Body } = await getObject(key);
          yield* Body as Readable;
        })(),
        { objectMode: false },
      );
    },

    exists,

    async list(listPrefix = '') {
      assertValidPrefix(listPrefix);
      if (listPrefix === TEMP_DIR || listPrefix.startsWith(`${TEMP_DIR}/`)) return [];
      const base = prefix ? `${prefix}/` : '';
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: base + listPrefix, ContinuationToken }));
        for (const object of page.Contents ?? []) {
          // A key ending in '/' is a folder marker (some servers and consoles make them), never an artifact.
          if (object.Key && !object.Key.endsWith('/')) keys.push(object.Key.slice(base.length));
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return keys.sort();
    },

    async delete(key) {
      // S3 answers a delete of a missing object with success too; ask first to report whether one was there.
      if (!(await exists(key))) return false;
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
      return true;
    },

    localPath(key) {
      objectKey(key);
      throw new Error(
        `artifact ${JSON.stringify(key)} is in object storage (s3://${bucket}/${prefix}): it has no local path; use get, getRange or createReadStream`,
      );
    },
  };
}
