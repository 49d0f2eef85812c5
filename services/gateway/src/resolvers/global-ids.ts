import { badInput } from './paging';

/** The types that implement Node: what `node(id:)` can fetch. */
export const NODE_TYPES = ['Dataset', 'DatasetVersion', 'Run', 'Model', 'ModelVersion', 'Prediction', 'ApiToken', 'TrainingJob'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/**
 * A Relay global id: base64url of `Type:storeId` (url-safe, so a console can put it in a path). Opaque to clients;
 * unique across types, so `node(id:)` knows where to look.
 */
export const toGlobalId = (type: NodeType, id: string): string => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

/** The type and store id of a global id; null for anything toGlobalId did not make. */
export function parseGlobalId(globalId: string): { type: NodeType; id: string } | null {
  if (!/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  const type = text.slice(0, colon) as NodeType;
  const id = text.slice(colon + 1);
  // Re-encoding must give the same string: a bare store id seldom decodes to "Type:…", and never round-trips.
  if (colon < 0 || !id || !NODE_TYPES.includes(type) || toGlobalId(type, id) !== globalId) return null;
  return { type, id };
}

/**
 * The store id an argument names. Arguments take an object's global id (Node.id) or its bare store id: the CLI,
 * log lines and bus events carry those. A global id of another type is refused, not looked up as a store id.
 */
export function storeId(type: NodeType, id: string): string {
  const parsed = parseGlobalId(id);
  if (!parsed) return id;
  if (parsed.type !== type) throw badInput(`id ${id} names a ${parsed.type}, not a ${type}`);
  return parsed.id;
}

/** Global-id resolvers for a Node type's `id` field, from the field that holds its store id. */
export const globalIdOf =
  <T>(type: NodeType, key: (value: T) => string) =>
  (value: T) =>
    toGlobalId(type, key(value));
