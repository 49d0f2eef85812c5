import { loadSerProto, SER_SERVICE_NAMES, type ClassifierTrainingServiceHandlers } from '@ser/contracts';
import { unary } from '@ser/grpc-kit';
import { createRunQueries } from '@ser/runs';
import { serveGrpc, type Platform, type RunningService } from '@ser/runtime';

/**
 * ClassifierTrainingService: the run lifecycle of transfer and supervised classifier runs. Runs are read
 * from and cancelled in the metadata store; RPCs not implemented yet answer UNIMPLEMENTED (grpc-js's default).
 */
export async function startClassifierTrainerService(platform: Platform, opts: { port?: number } = {}): Promise<RunningService> {
  const runs = createRunQueries(platform.store, platform.bus, 'classifier');
  const handlers: Partial<ClassifierTrainingServiceHandlers> = {
    GetClassifierRun: unary(async (req) => ({ run: await runs.get(req.runId ?? '') })),
    ListClassifierRuns: unary(async (req) => runs.list(req.page)),
    CancelClassifierRun: unary(async (req) => ({ run: await runs.cancel(req.runId ?? '') })),
  };
  return serveGrpc(platform, {
    name: 'classifier-trainer',
    port: opts.port ?? platform.config.ports.classifierTrainer,
    services: [
      {
        name: SER_SERVICE_NAMES.classifierTraining,
        definition: loadSerProto().grpc.ser.v1.ClassifierTrainingService.service,
        implementation: handlers as never,
      },
    ],
  });
}
