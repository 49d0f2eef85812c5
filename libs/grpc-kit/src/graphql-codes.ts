import { status } from '@grpc/grpc-js';

/** `extensions.code` values the gateway puts on GraphQL errors. */
export type GraphqlErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'FAILED_PRECONDITION'
  | 'SERVICE_UNAVAILABLE'
  | 'DEADLINE_EXCEEDED'
  | 'INTERNAL_SERVER_ERROR';

const GRAPHQL_CODES: Partial<Record<status, GraphqlErrorCode>> = {
  [status.INVALID_ARGUMENT]: 'BAD_USER_INPUT',
  // OUT_OF_RANGE is INVALID_ARGUMENT for values that depend on state (e.g. a page past the end).
  [status.OUT_OF_RANGE]: 'BAD_USER_INPUT',
  [status.NOT_FOUND]: 'NOT_FOUND',
  [status.UNAUTHENTICATED]: 'UNAUTHENTICATED',
  [status.PERMISSION_DENIED]: 'FORBIDDEN',
  [status.ALREADY_EXISTS]: 'CONFLICT',
  // ABORTED is a lost concurrency race: the client may retry, like a conflict.
  [status.ABORTED]: 'CONFLICT',
  [status.FAILED_PRECONDITION]: 'FAILED_PRECONDITION',
  [status.UNAVAILABLE]: 'SERVICE_UNAVAILABLE',
  // Rate limits and full queues: come back later.
  [status.RESOURCE_EXHAUSTED]: 'SERVICE_UNAVAILABLE',
  [status.DEADLINE_EXCEEDED]: 'DEADLINE_EXCEEDED',
};

/** The GraphQL error code for a gRPC status; anything unexpected is INTERNAL_SERVER_ERROR. */
export function grpcCodeToGraphqlCode(code: status | number): GraphqlErrorCode {
  return GRAPHQL_CODES[code as status] ?? 'INTERNAL_SERVER_ERROR';
}
