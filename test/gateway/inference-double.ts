import { loadSerProto, SER_SERVICE_NAMES, type InferenceServiceHandlers, type PredictRequest__Output } from '@ser/contracts';
import { startGrpcServer, unary, type RunningServer } from '@ser/grpc-kit';

/**
 * A real gRPC InferenceService answering Predict from the proto contract. It stands in for the inference service,
 * whose Predict is being implemented at the same time (the embedded one answers UNIMPLEMENTED today). It records
 * every request so tests can check what the gateway sent.
 */
export async function startInferenceDouble(): Promise<{ address: string; requests: PredictRequest__Output[]; stop(): Promise<void> }> {
  const requests: PredictRequest__Output[] = [];
  const handlers: Partial<InferenceServiceHandlers> = {
    Predict: unary(async (req: PredictRequest__Output) => {
      requests.push(req);
      return {
        prediction: {
          label: 'happy',
          classProbabilities: [
            { label: 'sad', probability: 0.25 },
            { label: 'happy', probability: 0.75 },
          ],
          model: { name: req.model?.name || 'ser', version: '3' },
          latencyMs: 4.5,
          predictionId: req.recordOptOut ? '' : `p-${requests.length}`,
        },
      };
    }),
  };
  const proto = loadSerProto();
  const server: RunningServer = await startGrpcServer({
    port: 0,
    packageDefinition: proto.reflectionPackageDefinition,
    services: [{ name: SER_SERVICE_NAMES.inference, definition: proto.grpc.ser.v1.InferenceService.service, implementation: handlers as never }],
  });
  return { address: server.address, requests, stop: () => server.shutdown(0) };
}
