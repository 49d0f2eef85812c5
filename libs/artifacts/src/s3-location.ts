/** A bucket and a key prefix (no leading or trailing '/'; '' for the bucket's root). */
export interface S3Location {
  bucket: string;
  prefix: string;
}

/** True for `s3://…` strings: what config and corpus events use to name object storage. */
export const isS3Uri = (uri: string): boolean => uri.startsWith('s3://');

/** `s3://bucket/some/prefix/` -> { bucket: 'bucket', prefix: 'some/prefix' }. */
export function parseS3Uri(uri: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match) throw new Error(`not an s3:// location: ${JSON.stringify(uri)}`);
  const [, bucket, rest] = match as unknown as [string, string, string];
  // Bucket names: 3-63 lowercase letters, digits, dots and hyphens (S3's own rule, checked here to fail early).
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new Error(`invalid S3 bucket name ${JSON.stringify(bucket)} in ${uri}`);
  const prefix = rest.replace(/\/+$/, '');
  if (prefix.split('/').some((s) => s === '..' || s === '.') || prefix.includes('//')) {
    throw new Error(`invalid S3 prefix ${JSON.stringify(prefix)} in ${uri}`);
  }
  return { bucket, prefix };
}

/** The object key of `key` under `prefix`. */
export const joinS3Key = (prefix: string, key: string): string => (prefix ? `${prefix}/${key}` : key);
