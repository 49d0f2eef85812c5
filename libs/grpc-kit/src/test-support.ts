// Shared by this library's specs: real servers of the ser.v1 contracts on free ports.
import type * as grpc from '@grpc/grpc-js';
import { loadSerProto, SER_SERVICE_NAMES, type FeatureServiceHandlers, type InferenceServiceHandlers } from '@ser/contracts';
import { createLogger } from '@ser/logging';
import { createClient, type ClientOptions } from './client';
import { startGrpcServer, type RunningServer } from './server';

export const silentLogger = createLogger('grpc-kit-test', { level: 'silent' });

/** Starts FeatureService (and InferenceService) with the given handlers; missing ones answer UNIMPLEMENTED. */
export function serve(features: Partial<FeatureServiceHandlers>, inference: Partial<InferenceServiceHandlers> = {}): Promise<RunningServer> {
  const { grpc: pkg, reflectionPackageDefinition } = loadSerProto();
  return startGrpcServer({
    port: 0,
    packageDefinition: reflectionPackageDefinition,
    logger: silentLogger,
    services: [
      {
        name: SER_SERVICE_NAMES.features,
        definition: pkg.ser.v1.FeatureService.service,
        implementation: features as grpc.UntypedServiceImplementation,
      },
      {
        name: SER_SERVICE_NAMES.inference,
        definition: pkg.ser.v1.InferenceService.service,
        implementation: inference as grpc.UntypedServiceImplementation,
      },
    ],
  });
}

export function featureClient(address: string, options: ClientOptions = { deadlineMs: 5000 }) {
  return createClient(loadSerProto().grpc.ser.v1.FeatureService, address, options);
}

export function inferenceClient(address: string, options: ClientOptions = { deadlineMs: 5000 }) {
  return createClient(loadSerProto().grpc.ser.v1.InferenceService, address, options);
}

/** A promise with its resolve function, to hold a handler until the test lets it go. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
