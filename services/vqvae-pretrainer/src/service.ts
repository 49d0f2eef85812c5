import { loadSerProto, SER_SERVICE_NAMES, type VqvaePretrainServiceHandlers } from '@ser/contracts';
import { serverStream, unary } from '@ser/grpc-kit';
import { runToProto, WorkerRunManager } from '@ser/runs';
import { createWorker, serveTrainer, type Platform, type RunningService } from '@ser/runtime';
import { loadSegments } from './run/load-segments';
import type { VqvaeWorkerData } from './run/pretrain-worker';
import { vqvaeConfigSchema } from './run/vqvae-config';

const WORKER_URL = new URL('./run/pretrain-worker.ts', import.meta.url);

/**
 * VqvaePretrainService: VQ-VAE pre-training runs on any registered datasets' 32x129 spectrogram segments (labels
 * ignored) — start, watch (streamed losses), cancel, get, list — executed in a worker thread with a checkpoint
 * each epoch; runs interrupted by a crash resume from their last checkpoint.
 */
export function startVqvaePretrainerService(platform: Platform, opts: { port?: number; featuresAddress?: string } = {}): Promise<RunningService> {
  const { store, bus, artifactStore, config } = platform;
  return serveTrainer(platform, {
    name: 'vqvae-pretrainer',
    port: opts.port ?? config.ports.vqvaePretrainer,
    featuresAddress: opts.featuresAddress,
    serviceName: SER_SERVICE_NAMES.vqvaePretrain,
    definition: loadSerProto().grpc.ser.v1.VqvaePretrainService.service,
    build({ features, logger, metrics }) {
      const runs = new WorkerRunManager({
        kind: 'vqvae-pretrain',
        store,
        bus,
        logger,
        instanceId: `${config.instanceId}/vqvae-pretrainer`,
        metrics,
        parseConfig: (raw) => vqvaeConfigSchema.parse(raw),
        startWorker: async (run, runConfig, resumeFrom) => {
          const segments = await loadSegments(features, runConfig.datasetVersionIds);
          logger.info({ runId: run.id, segments: segments.count, resumeFrom }, 'VQ-VAE pre-training started');
          const workerData: VqvaeWorkerData = { runId: run.id, config: runConfig, segments, artifactStore, resumeFrom };
          return createWorker(WORKER_URL, { workerData, transferList: [segments.data.buffer as ArrayBuffer] });
        },
      });
      const handlers: VqvaePretrainServiceHandlers = {
        StartVqvaePretrainRun: unary(
          async (req) => ({ run: runToProto(await runs.start(req.configJson, req.datasetVersionIds, req.displayName || undefined)) }),
          logger,
        ),
        WatchVqvaePretrainRun: serverStream((req) => runs.watch(req.runId), logger),
        GetVqvaePretrainRun: unary(async (req) => ({ run: await runs.get(req.runId) }), logger),
        ListVqvaePretrainRuns: unary((req) => runs.list(req.page), logger),
        CancelVqvaePretrainRun: unary(async (req) => ({ run: await runs.cancel(req.runId) }), logger),
      };
      return { runs, handlers };
    },
  });
}
