import { loadSerProto, SER_SERVICE_NAMES, type InferenceServiceHandlers } from '@ser/contracts';
import { serveGrpc, type Platform, type RunningService } from '@ser/runtime';

/**
 * InferenceService. Prediction RPCs arrive with the model registry and the trained models; until then the
 * service is up (health, reflection) and its RPCs answer UNIMPLEMENTED (grpc-js's default).
 */
export async function startInferenceService(platform: Platform, opts: { port?: number } = {}): Promise<RunningService> {
  const handlers: Partial<InferenceServiceHandlers> = {};
  return serveGrpc(platform, {
    name: 'inference',
    port: opts.port ?? platform.config.ports.inference,
    services: [
      {
        name: SER_SERVICE_NAMES.inference,
        definition: loadSerProto().grpc.ser.v1.InferenceService.service,
        implementation: handlers as never,
      },
    ],
  });
}
