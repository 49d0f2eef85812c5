export type { ArtifactData, ArtifactStore, PutResult } from './artifact-store';
export { createLocalArtifactStore } from './local-artifact-store';
export { ArtifactNotFoundError, InvalidArtifactKeyError, assertValidKey } from './keys';
