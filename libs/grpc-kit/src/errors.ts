// Errors that cross the wire: a status code, a safe message and rich details in the trailer.
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { core } from 'zod';
import { decodeRichStatus, encodeRichStatus, STATUS_DETAILS_KEY, type ErrorInfo, type FieldViolation, type RichStatus } from './rich-status';

/** Domain reported in ErrorInfo by every ser service. */
export const ERROR_DOMAIN = 'ser.v1';

/** A gRPC status code by name ('NOT_FOUND'), so domain code need not import grpc-js. */
export type GrpcCodeName = keyof typeof status;

export interface ErrorDetailsInit {
  violations?: FieldViolation[];
  /** UPPER_SNAKE_CASE reason for ErrorInfo; the domain is always ERROR_DOMAIN. */
  reason?: string;
  metadata?: Record<string, string>;
}

/**
 * A ServiceError ready to hand to a grpc-js callback or `call.emit('error')`: code, details and
 * the google.rpc.Status trailer that readErrorDetails decodes on the client.
 */
export class GrpcError extends Error implements ServiceError {
  readonly code: status;
  readonly details: string;
  readonly metadata: Metadata;

  constructor(code: status, details: string, init: ErrorDetailsInit = {}) {
    super(details);
    this.name = 'GrpcError';
    this.code = code;
    this.details = details;
    this.metadata = new Metadata();
    const errorInfo: ErrorInfo | undefined = init.reason ? { reason: init.reason, domain: ERROR_DOMAIN, metadata: init.metadata ?? {} } : undefined;
    const rich = { code, message: details, fieldViolations: init.violations ?? [], errorInfo };
    this.metadata.set(STATUS_DETAILS_KEY, encodeRichStatus(rich));
  }
}

/**
 * An error domain code throws when the caller is at fault or a rule is broken; toGrpcError turns it
 * into a status with its code and message (domain messages are meant for callers, stacks are not).
 */
export class DomainError extends Error {
  readonly code: status;
  constructor(
    code: status | GrpcCodeName,
    message: string,
    readonly init: ErrorDetailsInit = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = typeof code === 'number' ? code : status[code];
  }
}

const resourceReason = (what: string, suffix: string) =>
  `${what
    .trim()
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase()}_${suffix}`;

/** INVALID_ARGUMENT with a BadRequest listing each bad field. */
export function invalidArgument(message: string, violations: FieldViolation[] = []): GrpcError {
  return new GrpcError(status.INVALID_ARGUMENT, message, { violations });
}

/** NOT_FOUND for `what` (e.g. "dataset version") with ErrorInfo reason DATASET_VERSION_NOT_FOUND. */
export function notFound(what: string, id: string): GrpcError {
  return new GrpcError(status.NOT_FOUND, `${what} '${id}' not found`, {
    reason: resourceReason(what, 'NOT_FOUND'),
    metadata: { resource: what, id },
  });
}

/** ALREADY_EXISTS for `what` with ErrorInfo reason <WHAT>_ALREADY_EXISTS. */
export function alreadyExists(what: string, id: string): GrpcError {
  return new GrpcError(status.ALREADY_EXISTS, `${what} '${id}' already exists`, {
    reason: resourceReason(what, 'ALREADY_EXISTS'),
    metadata: { resource: what, id },
  });
}

/** FAILED_PRECONDITION: the request is valid but the system is not in a state to run it. */
export function failedPrecondition(message: string, reason?: string, metadata?: Record<string, string>): GrpcError {
  return new GrpcError(status.FAILED_PRECONDITION, message, { reason, metadata });
}

/** UNAUTHENTICATED: no or bad credentials. */
export function unauthenticated(message = 'authentication required'): GrpcError {
  return new GrpcError(status.UNAUTHENTICATED, message);
}

/** PERMISSION_DENIED: authenticated but not allowed. */
export function permissionDenied(message = 'permission denied'): GrpcError {
  return new GrpcError(status.PERMISSION_DENIED, message);
}

/** UNAVAILABLE: try again later (e.g. a model still loading, a dependency down). */
export function unavailable(message: string): GrpcError {
  return new GrpcError(status.UNAVAILABLE, message);
}

/** INTERNAL with a generic message: the cause belongs in the server log, not in the reply. */
export function internal(message = 'internal error'): GrpcError {
  return new GrpcError(status.INTERNAL, message);
}

function isServiceError(err: unknown): err is ServiceError {
  const e = err as Partial<ServiceError> | null;
  return typeof e?.code === 'number' && typeof e.details === 'string' && e.metadata instanceof Metadata;
}

/** Zod issue paths ("audio", 0, "rate") as a dotted field path. */
const fieldPath = (path: readonly PropertyKey[]) => path.map((p) => String(p)).join('.');

/**
 * Maps anything a handler threw to a status:
 * - GrpcError, and ServiceErrors from downstream calls, pass through (they are already safe);
 * - DomainError keeps its code and message;
 * - a zod error becomes INVALID_ARGUMENT with one field violation per issue;
 * - anything else becomes INTERNAL "internal error", never echoing its message or stack.
 */
export function toGrpcError(err: unknown): GrpcError | ServiceError {
  if (err instanceof GrpcError || isServiceError(err)) return err;
  if (err instanceof DomainError) return new GrpcError(err.code, err.message, err.init);
  const stored = storeErrorStatus(err);
  if (stored !== undefined) return new GrpcError(stored, (err as Error).message);
  if (err instanceof core.$ZodError) {
    const violations = err.issues.map((issue) => ({ field: fieldPath(issue.path), description: issue.message }));
    const first = violations[0];
    const summary = first ? `${first.field || 'request'}: ${first.description}` : 'invalid request';
    return invalidArgument(`invalid request: ${summary}`, violations);
  }
  return internal();
}

/**
 * @ser/store's StoreError (NOT_FOUND, INVALID_ARGUMENT: a NUL in a text value, say) names its gRPC status; matched
 * by name and code because grpc-kit sits below the store and does not import it. Without this a service answered
 * INTERNAL for a caller's bad input that only the database noticed.
 */
function storeErrorStatus(err: unknown): status | undefined {
  if (!(err instanceof Error) || err.name !== 'StoreError') return undefined;
  const code = (err as Error & { code?: unknown }).code;
  return code === 'NOT_FOUND' ? status.NOT_FOUND : code === 'INVALID_ARGUMENT' ? status.INVALID_ARGUMENT : undefined;
}

/**
 * Client side: the status of a failed call with its rich details decoded. Errors without the
 * trailer (or with a corrupt one) still give their code and details, with no violations.
 */
export function readErrorDetails(err: unknown): RichStatus {
  const e = err as Partial<ServiceError> | null;
  const code = typeof e?.code === 'number' ? e.code : status.UNKNOWN;
  const fallback: RichStatus = {
    code,
    message: typeof e?.details === 'string' ? e.details : String((e as Error | null)?.message ?? err),
    fieldViolations: [],
    otherDetailTypes: [],
  };
  const raw = e?.metadata instanceof Metadata ? e.metadata.get(STATUS_DETAILS_KEY)[0] : undefined;
  if (!(raw instanceof Uint8Array)) return fallback;
  try {
    return decodeRichStatus(raw);
  } catch {
    return fallback;
  }
}
