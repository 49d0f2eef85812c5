import type { ArtifactStore } from './artifact-store';
import { createLocalArtifactStore } from './local-artifact-store';
import { createS3ArtifactStore, type S3ConnectionOptions } from './s3-artifact-store';
import { isS3Uri } from './s3-location';

/**
 * Which artifact store to open, as plain data: a service opens it, and hands the same spec to its worker
 * threads, which open their own (a store object cannot cross a thread).
 */
export interface ArtifactStoreSpec {
  /** A directory, or `s3://bucket/prefix`. */
  location: string;
  /** How to reach the S3 server when location is s3://. */
  s3?: S3ConnectionOptions;
}

export function createArtifactStore(spec: ArtifactStoreSpec): ArtifactStore {
  return isS3Uri(spec.location) ? createS3ArtifactStore(spec.location, spec.s3) : createLocalArtifactStore(spec.location);
}
