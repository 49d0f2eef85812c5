import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { grpcCodeToGraphqlCode, readErrorDetails } from '@ser/grpc-kit';
import { StoreError } from '@ser/store';

const STORE_CODES = { NOT_FOUND: 'NOT_FOUND', INVALID_ARGUMENT: 'BAD_USER_INPUT' } as const;

/**
 * Every error a client sees carries `extensions.code`: gRPC statuses and store errors are mapped,
 * anything unexpected becomes INTERNAL_SERVER_ERROR without its internals.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof StoreError) {
    return { ...formatted, extensions: { ...formatted.extensions, code: STORE_CODES[original.code] } };
  }
  if (isGrpcError(original)) {
    return {
      ...formatted,
      message: original.details || formatted.message,
      extensions: { code: grpcCodeToGraphqlCode(original.code), ...grpcDetails(original) },
    };
  }
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    return { message: 'internal error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return formatted;
}

function isGrpcError(e: unknown): e is { code: number; details: string } {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'number' && 'details' in e && 'metadata' in e;
}

/**
 * The rich details a service put in its status (google.rpc.BadRequest, google.rpc.ErrorInfo), as `extensions`
 * fields: `fieldViolations: [{ field, description }]` for a form to show beside its fields, and `reason`, `domain`,
 * `metadata` for a client to branch on. Services build them for callers (grpc-kit's DomainError, invalidArgument,
 * notFound), so they are safe to pass on.
 */
function grpcDetails(err: unknown): Record<string, unknown> {
  const rich = readErrorDetails(err);
  const out: Record<string, unknown> = {};
  if (rich.fieldViolations.length > 0) out.fieldViolations = rich.fieldViolations;
  if (rich.errorInfo) {
    out.reason = rich.errorInfo.reason;
    out.domain = rich.errorInfo.domain;
    if (Object.keys(rich.errorInfo.metadata).length > 0) out.metadata = rich.errorInfo.metadata;
  }
  return out;
}
