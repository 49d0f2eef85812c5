import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * An optional safelist (config gateway.trustedDocuments): the gateway then runs only the documents of a manifest
 * its own apps were built with, as persisted queries are used in production. The manifest is what
 * graphql-codegen's client preset writes with `persistedDocuments: true` (persisted-documents.json): an object of
 * sha256 hex of the document (bare or as `sha256:<hex>`) -> document text. A client names a trusted document by its
 * id (`documentId`, or Apollo's `extensions.persistedQuery.sha256Hash`) or sends its full text.
 */
export type TrustedDocuments = ReadonlyMap<string, string>;

export const documentHash = (document: string): string => createHash('sha256').update(document, 'utf8').digest('hex');

/** Reads a manifest; every id must be the sha256 of its document, so an edited manifest cannot smuggle one in. */
export function loadTrustedDocuments(path: string): TrustedDocuments {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${path}: a trusted-documents manifest is a JSON object of sha256 -> document`);
  const trusted = new Map<string, string>();
  for (const [key, document] of Object.entries(parsed)) {
    // graphql-codegen 6 writes its ids as `sha256:<hex>`, as documentId carries them; older manifests bare hex.
    const hash = key.replace(/^sha256:/, '');
    if (typeof document !== 'string' || documentHash(document) !== hash) throw new Error(`${path}: '${key}' is not the sha256 of its document`);
    trusted.set(hash, document);
  }
  return trusted;
}

/** Why a request was refused: `code` goes to extensions.code (the codes Apollo's router uses for its safelist). */
export class SafelistRefusal extends Error {
  constructor(
    message: string,
    readonly code: 'QUERY_NOT_IN_SAFELIST' | 'PERSISTED_QUERY_NOT_IN_LIST',
  ) {
    super(message);
  }
}

/** The parts of a GraphQL request (POST body, GET parameters, graphql-ws subscribe payload) that name its document. */
export interface DocumentRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

function requestedId(req: DocumentRequest): string | undefined {
  if (typeof req.documentId === 'string' && req.documentId) return req.documentId.replace(/^sha256:/, '');
  const persisted = (req.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

/** The text of the trusted document a request names or sends; throws SafelistRefusal for anything else. */
export function trustedDocumentOf(trusted: TrustedDocuments, req: DocumentRequest): string {
  if (typeof req.query === 'string' && req.query !== '') {
    if (!trusted.has(documentHash(req.query)))
      throw new SafelistRefusal('this gateway runs only trusted documents, and this query is not one of them', 'QUERY_NOT_IN_SAFELIST');
    return req.query;
  }
  const id = requestedId(req);
  if (id === undefined) throw new SafelistRefusal('this gateway runs only trusted documents: send a documentId or a trusted query', 'QUERY_NOT_IN_SAFELIST');
  const document = trusted.get(id);
  if (document === undefined) throw new SafelistRefusal(`no trusted document has the id ${id}`, 'PERSISTED_QUERY_NOT_IN_LIST');
  return document;
}

/**
 * An HTTP request's body and query string with its document resolved to trusted text, and the ids removed, so
 * Apollo executes exactly that text (its own automatic persisted queries could otherwise register new documents).
 */
export function withTrustedDocument(trusted: TrustedDocuments, body: unknown, search: string): { body: unknown; search: string } {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const { documentId: _id, extensions, ...rest } = body as DocumentRequest & Record<string, unknown>;
    const kept = withoutPersistedQuery(extensions);
    return { body: { ...rest, query: trustedDocumentOf(trusted, body), ...(kept === undefined ? {} : { extensions: kept }) }, search };
  }
  if (body !== undefined && body !== '') throw new SafelistRefusal('this gateway runs only trusted documents, one per request', 'QUERY_NOT_IN_SAFELIST');
  const params = new URLSearchParams(search);
  let extensions: unknown;
  try {
    extensions = JSON.parse(params.get('extensions') ?? 'null');
  } catch {
    extensions = undefined; // Apollo reports the malformed parameter; the document is checked either way
  }
  params.set('query', trustedDocumentOf(trusted, { query: params.get('query') ?? undefined, documentId: params.get('documentId') ?? undefined, extensions }));
  params.delete('documentId');
  const rest = withoutPersistedQuery(extensions);
  if (rest === undefined) params.delete('extensions');
  else params.set('extensions', JSON.stringify(rest));
  return { body, search: `?${params}` };
}

function withoutPersistedQuery(extensions: unknown): unknown {
  if (!extensions || typeof extensions !== 'object' || !('persistedQuery' in extensions)) return extensions ?? undefined;
  const { persistedQuery: _pq, ...rest } = extensions as Record<string, unknown>;
  return Object.keys(rest).length > 0 ? rest : undefined;
}
