import type { ModelRegistryServiceClient, ModelVersion__Output, Run as ProtoRun } from '@ser/contracts';
import { callUnary, GrpcStatus } from '@ser/grpc-kit';

/**
 * The run with Run.output_model set, and the model version it registered; the run as it is when none. The
 * registry (GetRunModelVersion) says which version that is: it owns model_versions, the trainer only asks.
 */
export async function withOutputModel<R extends ProtoRun>(
  registry: ModelRegistryServiceClient,
  run: R,
): Promise<{ run: R; modelVersion?: ModelVersion__Output }> {
  if (run.status !== 'RUN_STATUS_SUCCEEDED' || !run.id) return { run };
  let version: ModelVersion__Output | null;
  try {
    version = (await callUnary(registry, 'GetRunModelVersion', { runId: run.id })).modelVersion;
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code === GrpcStatus.NOT_FOUND) return { run };
    throw err;
  }
  if (!version) return { run };
  return { run: { ...run, outputModel: { name: version.name, version: version.version } }, modelVersion: version };
}
