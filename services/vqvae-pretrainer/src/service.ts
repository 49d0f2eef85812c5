import { loadSerProto, SER_SERVICE_NAMES, type VqvaePretrainServiceHandlers } from '@ser/contracts';
import { unary } from '@ser/grpc-kit';
import { createRunQueries } from '@ser/runs';
import { serveGrpc, type Platform, type RunningService } from '@ser/runtime';

/**
 * VqvaePretrainService: the run lifecycle of vqvae-pretrain runs. Runs are read from and cancelled in the metadata
 * store; RPCs this service does not implement yet answer UNIMPLEMENTED (grpc-js's default).
 */
export async function startVqvaePretrainerService(platform: Platform, opts: { port?: number } = {}): Promise<RunningService> {
  const runs = createRunQueries(platform.store, platform.bus, 'vqvae-pretrain');
  const handlers: Partial<VqvaePretrainServiceHandlers> = {
    GetVqvaePretrainRun: unary(async (req) => ({ run: await runs.get(req.runId ?? '') })),
    ListVqvaePretrainRuns: unary(async (req) => runs.list(req.page)),
    CancelVqvaePretrainRun: unary(async (req) => ({ run: await runs.cancel(req.runId ?? '') })),
  };
  return serveGrpc(platform, {
    name: 'vqvae-pretrainer',
    port: opts.port ?? platform.config.ports.vqvaePretrainer,
    services: [
      {
        name: SER_SERVICE_NAMES.vqvaePretrain,
        definition: loadSerProto().grpc.ser.v1.VqvaePretrainService.service,
        implementation: handlers as never,
      },
    ],
  });
}
