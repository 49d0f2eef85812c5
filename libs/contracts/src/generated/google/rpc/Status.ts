// Original file: proto/google/rpc/status.proto

import type { Any as _google_protobuf_Any, Any__Output as _google_protobuf_Any__Output } from '../../google/protobuf/Any';

/**
 * The error model of gRPC: a code, a developer-facing message and typed details.
 */
export interface Status {
  /**
   * The status code, a value of google.rpc.Code (the gRPC status code).
   */
  'code'?: (number);
  /**
   * Developer-facing error message, in English.
   */
  'message'?: (string);
  /**
   * Typed details such as BadRequest or ErrorInfo.
   */
  'details'?: (_google_protobuf_Any)[];
}

/**
 * The error model of gRPC: a code, a developer-facing message and typed details.
 */
export interface Status__Output {
  /**
   * The status code, a value of google.rpc.Code (the gRPC status code).
   */
  'code': (number);
  /**
   * Developer-facing error message, in English.
   */
  'message': (string);
  /**
   * Typed details such as BadRequest or ErrorInfo.
   */
  'details': (_google_protobuf_Any__Output)[];
}
