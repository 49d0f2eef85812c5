import * as grpc from '@grpc/grpc-js';

/**
 * Marks every call waitForReady: while no trainer is reachable (scaled to zero, its pod still starting) the call
 * waits for one within its deadline instead of failing UNAVAILABLE at once. grpc-js reads the flag from the call's
 * metadata options only (not from a service config), so it is set here on each call's metadata.
 */
export const waitForReadyInterceptor: grpc.Interceptor = (options, nextCall) =>
  new grpc.InterceptingCall(nextCall(options), {
    start(metadata, listener, next) {
      metadata.setOptions({ ...metadata.getOptions(), waitForReady: true });
      next(metadata, listener);
    },
  });
