// Encodes and decodes google.rpc.Status, the rich error model carried in the
// `grpc-status-details-bin` trailer, using the hand-written copies in proto/google/rpc.
import { PROTO_ROOT } from '@ser/contracts';
import { join } from 'node:path';
import protobuf from 'protobufjs';

/** The trailer gRPC clients in every language read rich error details from. */
export const STATUS_DETAILS_KEY = 'grpc-status-details-bin';

const TYPE_URL_PREFIX = 'type.googleapis.com/';

/** One invalid request field (google.rpc.BadRequest.FieldViolation). */
export interface FieldViolation {
  /** Dot-separated path to the field, e.g. "audio.sample_rate_hz" or "dataset_version_ids.0". */
  field: string;
  /** Why the value is invalid. */
  description: string;
}

/** A machine-readable reason (google.rpc.ErrorInfo). */
export interface ErrorInfo {
  reason: string;
  domain: string;
  metadata: Record<string, string>;
}

/** What a google.rpc.Status holds, with the detail types we know decoded. */
export interface RichStatus {
  code: number;
  message: string;
  fieldViolations: FieldViolation[];
  errorInfo?: ErrorInfo;
  /** Type URLs of details this kit does not decode, so callers can see they were there. */
  otherDetailTypes: string[];
}

function loadTypes() {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => join(PROTO_ROOT, target);
  // keepCase so object keys match the wire names (type_url, field_violations) exactly.
  root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: true });
  return {
    status: root.lookupType('google.rpc.Status'),
    badRequest: root.lookupType('google.rpc.BadRequest'),
    errorInfo: root.lookupType('google.rpc.ErrorInfo'),
  };
}

let types: ReturnType<typeof loadTypes> | undefined;
const getTypes = () => (types ??= loadTypes());

function pack(type: protobuf.Type, value: object) {
  return { type_url: TYPE_URL_PREFIX + type.fullName.slice(1), value: type.encode(type.fromObject(value)).finish() };
}

/** Serializes a google.rpc.Status with BadRequest / ErrorInfo details. */
export function encodeRichStatus(status: Omit<RichStatus, 'otherDetailTypes'>): Buffer {
  const t = getTypes();
  const details = [];
  if (status.fieldViolations.length > 0) details.push(pack(t.badRequest, { field_violations: status.fieldViolations }));
  if (status.errorInfo) details.push(pack(t.errorInfo, status.errorInfo));
  const message = t.status.fromObject({ code: status.code, message: status.message, details });
  return Buffer.from(t.status.encode(message).finish());
}

const OBJECT_OPTIONS: protobuf.IConversionOptions = { defaults: true, arrays: true, objects: true };

/** Parses a google.rpc.Status; throws when the bytes are not one. */
export function decodeRichStatus(bytes: Uint8Array): RichStatus {
  const t = getTypes();
  const decoded = t.status.toObject(t.status.decode(bytes), OBJECT_OPTIONS) as {
    code: number;
    message: string;
    details: Array<{ type_url: string; value: Uint8Array }>;
  };
  const result: RichStatus = { code: decoded.code, message: decoded.message, fieldViolations: [], otherDetailTypes: [] };
  for (const any of decoded.details) {
    const typeName = any.type_url.slice(any.type_url.lastIndexOf('/') + 1);
    if (typeName === 'google.rpc.BadRequest') {
      const bad = t.badRequest.toObject(t.badRequest.decode(any.value), OBJECT_OPTIONS) as { field_violations: FieldViolation[] };
      result.fieldViolations.push(...bad.field_violations.map(({ field, description }) => ({ field, description })));
    } else if (typeName === 'google.rpc.ErrorInfo') {
      result.errorInfo = t.errorInfo.toObject(t.errorInfo.decode(any.value), OBJECT_OPTIONS) as ErrorInfo;
    } else {
      result.otherDetailTypes.push(any.type_url);
    }
  }
  return result;
}
