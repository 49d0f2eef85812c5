import { loadSerProto, SER_SERVICE_NAMES, type FopPretrainServiceHandlers } from '@ser/contracts';
import { unary } from '@ser/grpc-kit';
import { createRunQueries } from '@ser/runs';
import { serveGrpc, type Platform, type RunningService } from '@ser/runtime';

/**
 * FopPretrainService: the run lifecycle of fop-pretrain runs. Runs are read from and cancelled in the metadata
 * store; RPCs this service does not implement yet answer UNIMPLEMENTED (grpc-js's default).
 */
export async function startFopPretrainerService(platform: Platform, opts: { port?: number } = {}): Promise<RunningService> {
  const runs = createRunQueries(platform.store, platform.bus, 'fop-pretrain');
  const handlers: Partial<FopPretrainServiceHandlers> = {
    GetFopPretrainRun: unary(async (req) => ({ run: await runs.get(req.runId ?? '') })),
    ListFopPretrainRuns: unary(async (req) => runs.list(req.page)),
    CancelFopPretrainRun: unary(async (req) => ({ run: await runs.cancel(req.runId ?? '') })),
  };
  return serveGrpc(platform, {
    name: 'fop-pretrainer',
    port: opts.port ?? platform.config.ports.fopPretrainer,
    services: [
      {
        name: SER_SERVICE_NAMES.fopPretrain,
        definition: loadSerProto().grpc.ser.v1.FopPretrainService.service,
        implementation: handlers as never,
      },
    ],
  });
}
