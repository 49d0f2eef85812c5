// Adapters from plain async functions to grpc-js handlers, so service code returns values and
// throws errors instead of juggling callbacks and stream events.
import {
  status,
  type handleBidiStreamingCall,
  type handleServerStreamingCall,
  type handleUnaryCall,
  type ServerDuplexStream,
  type ServerUnaryCall,
  type ServerWritableStream,
} from '@grpc/grpc-js';
import { createLogger, type Logger } from '@ser/logging';
import { toGrpcError } from './errors';

let defaultLogger: Logger | undefined;
const fallbackLogger = () => (defaultLogger ??= createLogger('grpc'));

/** Maps a thrown error and logs the ones that turn into INTERNAL (their cause is hidden from the caller). */
function mapAndLog(err: unknown, path: string, logger: Logger | undefined) {
  const grpcError = toGrpcError(err);
  if (grpcError.code === status.INTERNAL) (logger ?? fallbackLogger()).error({ err, method: path }, 'handler failed');
  return grpcError;
}

/** `(request, call) => Promise<response>` as a unary handler; a throw becomes `callback(toGrpcError(e))`. */
export function unary<Req, Res>(handler: (request: Req, call: ServerUnaryCall<Req, Res>) => Promise<Res> | Res, logger?: Logger): handleUnaryCall<Req, Res> {
  return (call, callback) => {
    Promise.resolve()
      .then(() => handler(call.request, call))
      .then(
        (response) => callback(null, response),
        (err: unknown) => callback(mapAndLog(err, call.getPath(), logger)),
      );
  };
}

type WritableCall<Res> = ServerWritableStream<unknown, Res> | ServerDuplexStream<unknown, Res>;

/** Resolves when the stream can take more writes, or when it is gone (then writing stops anyway). */
function writable(call: WritableCall<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const event of ['drain', 'close', 'cancelled', 'error']) call.off(event, done);
      resolve();
    };
    for (const event of ['drain', 'close', 'cancelled', 'error']) call.once(event, done);
  });
}

/**
 * Writes every message of `messages` with back-pressure, then ends the call with OK; a throw ends it
 * with toGrpcError(e). When the client cancels, iteration stops, which runs the generator's
 * `finally` blocks so the producer can release what it holds.
 */
async function pipeToCall<Res>(messages: AsyncIterable<Res>, call: WritableCall<Res>, logger: Logger | undefined) {
  try {
    for await (const message of messages) {
      if (call.cancelled) return;
      if (!call.write(message)) await writable(call);
    }
    if (!call.cancelled) call.end();
  } catch (err) {
    if (!call.cancelled) call.emit('error', mapAndLog(err, call.getPath(), logger));
  }
}

/** `async function* (request, call)` as a server-streaming handler: each yield is one message. */
export function serverStream<Req, Res>(
  handler: (request: Req, call: ServerWritableStream<Req, Res>) => AsyncIterable<Res>,
  logger?: Logger,
): handleServerStreamingCall<Req, Res> {
  return (call) => {
    void pipeToCall(
      (async function* () {
        yield* handler(call.request, call);
      })(),
      call,
      logger,
    );
  };
}

/**
 * `async function* (requests, call)` as a bidi-streaming handler: `requests` yields the client's
 * messages (ending when the client half-closes), each yield is one response.
 */
export function bidiStream<Req, Res>(
  handler: (requests: AsyncIterable<Req>, call: ServerDuplexStream<Req, Res>) => AsyncIterable<Res>,
  logger?: Logger,
): handleBidiStreamingCall<Req, Res> {
  return (call) => {
    void pipeToCall(
      (async function* () {
        // destroyOnReturn false: the default iterator destroys the duplex when the client half-closes,
        // which would also kill our write side before the status is sent.
        yield* handler(call.iterator({ destroyOnReturn: false }) as AsyncIterable<Req>, call);
      })(),
      call,
      logger,
    );
  };
}
