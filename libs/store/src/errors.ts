/** NOT_FOUND / INVALID_ARGUMENT map one-to-one onto gRPC status codes and GraphQL error codes upstream. */
export type StoreErrorCode = 'NOT_FOUND' | 'INVALID_ARGUMENT';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const notFound = (what: string) => new StoreError('NOT_FOUND', `${what} not found`);
export const invalidArgument = (message: string) => new StoreError('INVALID_ARGUMENT', message);
