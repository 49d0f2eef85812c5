import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { grpcCodeToGraphqlCode } from './graphql-codes';

describe('grpcCodeToGraphqlCode', () => {
  it.each([
    [status.INVALID_ARGUMENT, 'BAD_USER_INPUT'],
    [status.OUT_OF_RANGE, 'BAD_USER_INPUT'],
    [status.NOT_FOUND, 'NOT_FOUND'],
    [status.UNAUTHENTICATED, 'UNAUTHENTICATED'],
    [status.PERMISSION_DENIED, 'FORBIDDEN'],
    [status.ALREADY_EXISTS, 'CONFLICT'],
    [status.ABORTED, 'CONFLICT'],
    [status.FAILED_PRECONDITION, 'FAILED_PRECONDITION'],
    [status.UNAVAILABLE, 'SERVICE_UNAVAILABLE'],
    [status.RESOURCE_EXHAUSTED, 'SERVICE_UNAVAILABLE'],
    [status.DEADLINE_EXCEEDED, 'DEADLINE_EXCEEDED'],
    [status.INTERNAL, 'INTERNAL_SERVER_ERROR'],
    [status.UNKNOWN, 'INTERNAL_SERVER_ERROR'],
    [status.DATA_LOSS, 'INTERNAL_SERVER_ERROR'],
    [status.UNIMPLEMENTED, 'INTERNAL_SERVER_ERROR'],
    [999, 'INTERNAL_SERVER_ERROR'],
  ])('maps gRPC code %i to %s', (code, expected) => {
    expect(grpcCodeToGraphqlCode(code)).toBe(expected);
  });
});
