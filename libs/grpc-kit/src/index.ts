// @ser/grpc-kit: servers with health + reflection, clients with deadlines, errors with rich details.
export {
  startGrpcServer,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_SHUTDOWN_GRACE_MS,
  type GrpcServerOptions,
  type RunningServer,
  type ServiceRegistration,
} from './server';
export { createClient, closeClient, callUnary, iterateStream, deadlineIn, deadlineInterceptor, type ClientOptions, type CallOptions } from './client';
export {
  serviceTokenInterceptor,
  serviceAuthInterceptor,
  mutatingPaths,
  isReadOnlyMethod,
  SERVICE_TOKEN_METADATA_KEY,
  type ServiceCaller,
  type ServiceAuthPolicy,
} from './service-auth';
export {
  mintServiceToken,
  verifyServiceToken,
  assertServiceSecret,
  ServiceTokenError,
  MIN_SERVICE_SECRET_LENGTH,
  DEFAULT_SERVICE_TOKEN_TTL_SECONDS,
  type ServiceTokenClaims,
} from './service-token';
export { checkHealth, type HealthStatus } from './health-client';
export { listServicesByReflection } from './reflection-client';
export {
  GrpcError,
  DomainError,
  ERROR_DOMAIN,
  invalidArgument,
  notFound,
  alreadyExists,
  failedPrecondition,
  unauthenticated,
  permissionDenied,
  unavailable,
  internal,
  toGrpcError,
  readErrorDetails,
  type ErrorDetailsInit,
  type GrpcCodeName,
} from './errors';
export { STATUS_DETAILS_KEY, type FieldViolation, type ErrorInfo, type RichStatus } from './rich-status';
export { grpcCodeToGraphqlCode, type GraphqlErrorCode } from './graphql-codes';
export { unary, serverStream, bidiStream } from './handlers';
export { fileChunks, joinFileChunks, FILE_CHUNK_BYTES, type FileChunk } from './file-chunks';
// Re-exported so services can name codes without importing grpc-js themselves.
export { status as GrpcStatus } from '@grpc/grpc-js';
