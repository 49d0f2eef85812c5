import { randomUUID } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { artifactStoreContract } from './artifact-store.contract';
import { createS3ArtifactStore, createS3Client, type S3ConnectionOptions } from './s3-artifact-store';

// `npm test` starts a real S3-compatible server (test/infra/s3.ts) and exports its address; without one this
// suite fails, never skips.
function connection(): S3ConnectionOptions {
  const { SER_TEST_S3_ENDPOINT: endpoint, SER_TEST_S3_ACCESS_KEY_ID: accessKeyId, SER_TEST_S3_SECRET_ACCESS_KEY: secretAccessKey } = process.env;
  if (!endpoint || !accessKeyId || !secretAccessKey) {
    throw new Error('SER_TEST_S3_ENDPOINT / _ACCESS_KEY_ID / _SECRET_ACCESS_KEY are not set: run `npm test` (it starts an S3 server) or point them at one');
  }
  return { endpoint, credentials: { accessKeyId, secretAccessKey } };
}

let sharedClient: S3Client | null = null;
const client = () => (sharedClient ??= createS3Client(connection()));
afterAll(() => sharedClient?.destroy());

async function newBucket(): Promise<string> {
  const bucket = `ser-test-${randomUUID().slice(0, 12)}`;
  await client().send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

async function objectsIn(bucket: string): Promise<string[]> {
  const listed = (await client().send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? [];
  // S3Proxy's directory backend shows its folders as 'a/' markers; they hold no bytes and are no artifact.
  return listed
    .map((o) => o.Key!)
    .filter((k) => !k.endsWith('/'))
    .sort();
}

async function removeBucket(bucket: string): Promise<void> {
  for (const key of await objectsIn(bucket)) await client().send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  await client().send(new DeleteBucketCommand({ Bucket: bucket }));
}

// Keys live under a prefix, as a shared bucket would hold them: leftovers name everything in the bucket, so a
// key written outside the prefix, or an unfinished multipart upload, shows.
artifactStoreContract('S3 store', async () => {
  const bucket = await newBucket();
  return {
    store: createS3ArtifactStore(`s3://${bucket}/ser/artifacts`, { client: client() }),
    async leftovers() {
      const uploads = (await client().send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? [];
      return [...(await objectsIn(bucket)).map((k) => k.replace(/^ser\/artifacts\//, '')), ...uploads.map((u) => `unfinished multipart upload of ${u.Key}`)];
    },
    dispose: () => removeBucket(bucket),
  };
});

describe('createS3ArtifactStore', () => {
  it('keeps stores with different prefixes of one bucket apart, and the bucket root works too', async () => {
    const bucket = await newBucket();
    try {
      const a = createS3ArtifactStore(`s3://${bucket}/env-a`, { client: client() });
      const b = createS3ArtifactStore(`s3://${bucket}/env-a2/`, { client: client() });
      const root = createS3ArtifactStore(`s3://${bucket}`, { client: client() });
      await a.put('model.json', Buffer.from('a'));
      await b.put('model.json', Buffer.from('b'));
      expect((await a.get('model.json')).toString()).toBe('a');
      expect(await a.list()).toEqual(['model.json']);
      expect(await root.list()).toEqual(['env-a/model.json', 'env-a2/model.json']);
      expect(await objectsIn(bucket)).toEqual(['env-a/model.json', 'env-a2/model.json']);
    } finally {
      await removeBucket(bucket);
    }
  });

  it('connects with endpoint and credentials alone, and refuses wrong credentials', async () => {
    const bucket = await newBucket();
    try {
      const store = createS3ArtifactStore(`s3://${bucket}/p`, connection());
      await store.put('x.bin', Buffer.from('signed'));
      expect((await store.get('x.bin')).toString()).toBe('signed');
      const { endpoint } = connection();
      const wrong = createS3ArtifactStore(`s3://${bucket}/p`, { endpoint, credentials: { accessKeyId: 'nobody', secretAccessKey: 'wrong' } });
      await expect(wrong.get('x.bin')).rejects.toThrow();
    } finally {
      await removeBucket(bucket);
    }
  });

  it('has no local paths, and says so', async () => {
    const store = createS3ArtifactStore('s3://some-bucket/p', { client: client() });
    expect(() => store.localPath('models/run/model.json')).toThrow(/object storage .* no local path/);
  });

  it('refuses malformed locations', () => {
    expect(() => createS3ArtifactStore('/data/artifacts')).toThrow(/not an s3:\/\/ location/);
    expect(() => createS3ArtifactStore('s3://Bad_Bucket/x')).toThrow(/invalid S3 bucket name/);
    expect(() => createS3ArtifactStore('s3://bucket/a/../b')).toThrow(/invalid S3 prefix/);
  });
});
