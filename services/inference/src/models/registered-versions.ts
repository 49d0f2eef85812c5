import type { ModelRegistryServiceClient } from '@ser/contracts';
import { callUnary, GrpcStatus } from '@ser/grpc-kit';

/** What the host needs of a registered version: its id (predictions point at it) and where its kept model lies. */
export interface RegisteredVersion {
  id: string;
  version: number;
  artifactKey: string;
}

/** Looks registered versions up by alias or number; null when the registry has none. */
export interface RegisteredVersions {
  byAlias(name: string, alias: string): Promise<RegisteredVersion | null>;
  byNumber(name: string, version: number): Promise<RegisteredVersion | null>;
}

/**
 * The registry as ModelRegistryService serves it: the model-registry service owns model_versions and
 * model_aliases, so inference asks it rather than reading those tables (one set of rules for what an alias means).
 */
export function registeredVersionsOver(registry: ModelRegistryServiceClient): RegisteredVersions {
  const get = async (model: { name: string; alias: string } | { name: string; version: string }): Promise<RegisteredVersion | null> => {
    try {
      const found = (await callUnary(registry, 'GetModelVersion', { model })).modelVersion;
      return found ? { id: found.id, version: Number(found.version), artifactKey: found.artifactKey } : null;
    } catch (err) {
      if ((err as { code?: unknown } | null)?.code === GrpcStatus.NOT_FOUND) return null;
      throw err;
    }
  };
  return {
    byAlias: (name, alias) => get({ name, alias }),
    byNumber: (name, version) => get({ name, version: String(version) }),
  };
}
