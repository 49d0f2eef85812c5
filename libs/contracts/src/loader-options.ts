import type { Options } from '@grpc/proto-loader';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Folder holding ser/v1/*.proto and google/rpc/*.proto; resolved from this file so any cwd works. */
export const PROTO_ROOT = fileURLToPath(new URL('../../../proto', import.meta.url));

/**
 * The ONE set of proto-loader options: the runtime loader uses it and scripts/generate.ts turns it
 * into proto-loader-gen-types flags, so generated types always describe the objects we really get.
 *
 * - keepCase false: fields are camelCase in TypeScript (`createdAtMs`), like GraphQL and the proto
 *   JSON mapping. The wire format does not carry names, so peers are unaffected; only descriptors
 *   built from this load say `createdAtMs`, which is why reflection gets a keepCase copy (load.ts).
 * - longs Number: int64 fields (timestamps in ms, steps, byte sizes) are plain numbers, exact to 2^53.
 * - enums String: enum values read as their names ('RUN_STATUS_RUNNING'), stable across renumbering
 *   and readable in logs and GraphQL.
 * - defaults true: absent scalars decode to their zero value, so `__Output` types are non-optional.
 * - oneofs true: a oneof's name holds the set member's name (e.g. `payload: 'config'`).
 */
export const PROTO_LOADER_OPTIONS = Object.freeze({
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
}) satisfies Options;

/** Every .proto under PROTO_ROOT (ser/v1 and google/rpc), relative to it, sorted for stable output. */
export function listProtoFiles(root: string = PROTO_ROOT): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.proto'))
    .map((file) => file.split('\\').join('/'))
    .sort();
}
