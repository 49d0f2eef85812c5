export type { ArtifactData, ArtifactStore, PutResult } from './artifact-store';
export { createArtifactStore, type ArtifactStoreSpec } from './create-artifact-store';
export { createLocalArtifactStore } from './local-artifact-store';
export { createS3ArtifactStore, createS3Client, type S3ConnectionOptions } from './s3-artifact-store';
export { isS3Uri, parseS3Uri, joinS3Key, type S3Location } from './s3-location';
export { uploadObject } from './s3-upload';
export { ArtifactNotFoundError, InvalidArtifactKeyError, assertValidKey } from './keys';
