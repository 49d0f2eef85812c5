// @ser/contracts: the ser.v1 gRPC contracts, loaded at runtime and typed by generated code.
export { loadSerProto, SER_SERVICE_NAMES, type SerProto, type SerProtoGrpcType } from './load';
export { listProtoFiles, PROTO_LOADER_OPTIONS, PROTO_ROOT } from './loader-options';
export { decodeFeatureData, encodeFeatureData } from './feature-data';

// Every ser.v1 message (X for what you send, X__Output for what you receive), enum (value + type),
// service client (XServiceClient), handler map (XServiceHandlers) and definition (XServiceDefinition).
export * from './generated/index';

// google.rpc rich error details, renamed where the bare name would be ambiguous.
export type { Status as RpcStatus, Status__Output as RpcStatus__Output } from './generated/google/rpc/Status';
export type {
  BadRequest,
  BadRequest__Output,
  _google_rpc_BadRequest_FieldViolation as FieldViolation,
  _google_rpc_BadRequest_FieldViolation__Output as FieldViolation__Output,
} from './generated/google/rpc/BadRequest';
export type { ErrorInfo, ErrorInfo__Output } from './generated/google/rpc/ErrorInfo';
