// Clients whose every call has a deadline, so a hung peer fails a call instead of hanging it forever.
import * as grpc from '@grpc/grpc-js';
import { DEFAULT_MAX_MESSAGE_BYTES } from './server';
import { serviceTokenInterceptor, type ServiceCaller } from './service-auth';

export interface ClientOptions {
  /** Deadline for unary calls that set none. */
  deadlineMs: number;
  /**
   * Deadline for streaming calls that set none; defaults to deadlineMs. Long-lived streams
   * (Watch…Run, IngestDataset) pass a longer one here or per call with deadlineIn(ms).
   */
  streamDeadlineMs?: number;
  credentials?: grpc.ChannelCredentials;
  maxMessageBytes?: number;
  /** Extra channel options (keepalive, ...). */
  channelOptions?: grpc.ChannelOptions;
  /** Sign every call as this caller, so servers with service auth accept its mutating RPCs. */
  serviceToken?: ServiceCaller;
}

type ClientConstructor<C extends grpc.Client> = new (address: string, credentials: grpc.ChannelCredentials, options?: grpc.ClientOptions) => C;

/** Call options with a deadline `ms` from now; `deadlineIn(Infinity)` means no deadline at all. */
export function deadlineIn(ms: number): grpc.CallOptions {
  return { deadline: ms === Infinity ? Infinity : Date.now() + ms };
}

/** Adds a deadline to every call made without one (the caller's own deadline always wins). */
export function deadlineInterceptor(unaryMs: number, streamMs: number = unaryMs): grpc.Interceptor {
  return (options, nextCall) => {
    if (options.deadline !== undefined) return new grpc.InterceptingCall(nextCall(options));
    const method = options.method_definition;
    const ms = method.requestStream || method.responseStream ? streamMs : unaryMs;
    return new grpc.InterceptingCall(nextCall({ ...options, deadline: Date.now() + ms }));
  };
}

/**
 * A client of a generated service constructor (e.g. `loadSerProto().grpc.ser.v1.FeatureService`)
 * whose calls get a default deadline. Plaintext by default: traffic stays inside the cluster network.
 */
export function createClient<C extends grpc.Client>(Ctor: ClientConstructor<C>, address: string, options: ClientOptions): C {
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  return new Ctor(address, options.credentials ?? grpc.credentials.createInsecure(), {
    'grpc.max_receive_message_length': maxBytes,
    'grpc.max_send_message_length': maxBytes,
    ...options.channelOptions,
    interceptors: [
      deadlineInterceptor(options.deadlineMs, options.streamDeadlineMs),
      ...(options.serviceToken ? [serviceTokenInterceptor(options.serviceToken)] : []),
      ...(options.channelOptions?.interceptors ?? []),
    ],
  });
}

/**
 * The messages of a server-streaming or bidi call. Unlike iterating the call directly, leaving the
 * loop early (break, return, throw) cancels the call, so the server stops producing instead of
 * blocking on flow control until the deadline.
 */
export async function* iterateStream<T>(call: grpc.ClientReadableStream<T> | grpc.ClientDuplexStream<unknown, T>): AsyncGenerator<T> {
  let finished = false;
  try {
    for await (const message of call.iterator({ destroyOnReturn: false })) yield message as T;
    finished = true;
  } finally {
    if (!finished) {
      // The CANCELLED status we cause arrives as an 'error' event with no iterator left to take it.
      call.on('error', () => undefined);
      call.cancel();
    }
  }
}

/** Closes the client's channel; calls still in flight are cancelled. */
export function closeClient(client: grpc.Client): void {
  client.close();
}

type UnaryMethodNames<C> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches any request/response pair
  [K in keyof C]: C[K] extends (argument: any, callback: grpc.requestCallback<any>) => grpc.ClientUnaryCall ? K : never;
}[keyof C] &
  string;
// The generated clients' last overload is (argument, callback): infer request and response from it.
type RequestOf<F> = F extends (argument: infer Req, callback: grpc.requestCallback<infer _Res>) => grpc.ClientUnaryCall ? Req : never;
type ResponseOf<F> = F extends (argument: infer _Req, callback: grpc.requestCallback<infer Res>) => grpc.ClientUnaryCall ? Res : never;

export interface CallOptions {
  /** Deadline for this call, overriding the client default. */
  deadlineMs?: number;
  metadata?: grpc.Metadata;
}

/**
 * Promise form of a unary call: `await callUnary(features, 'getDataset', { datasetId })`.
 * Rejects with the ServiceError (readErrorDetails decodes it).
 */
export function callUnary<C extends grpc.Client, M extends UnaryMethodNames<C>>(
  client: C,
  method: M,
  request: RequestOf<C[M]>,
  options: CallOptions = {},
): Promise<NonNullable<ResponseOf<C[M]>>> {
  const callOptions: grpc.CallOptions = options.deadlineMs === undefined ? {} : deadlineIn(options.deadlineMs);
  const fn = client[method] as unknown as (
    argument: unknown,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<NonNullable<ResponseOf<C[M]>>>,
  ) => grpc.ClientUnaryCall;
  return new Promise((resolve, reject) => {
    fn.call(client, request, options.metadata ?? new grpc.Metadata(), callOptions, (err, response) => (err ? reject(err) : resolve(response!)));
  });
}
