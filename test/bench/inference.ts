/**
 * Inference serving speed: Predict on 3-second clips at concurrency 1, 8 and 32, with dynamic batching (max batch
 * 32, max wait 5 ms) and without (max batch 1), next to the bare forward pass of one clip measured in the same run
 * on the same loaded model. --via grpc calls the inference service's Predict; --via gateway sends the GraphQL
 * multipart `predict` mutation (an operator token, the clip as an upload) to the gateway started in this process,
 * which forwards it to the same inference service. A paper-size FOP classifier (DEFAULT_FOP_CONFIG) with random weights,
 * saved in the artifact format classifier runs write and loaded through the service's own loader.
 *
 *   npx tsx test/bench/inference.ts [--json] [--requests N] [--via grpc] [--no-record]
 *
 * Latency is measured by the client (request sent -> response read), p50/p99 over every request of a level;
 * throughput is requests / wall time of the level. Client and server share this process (as with `npm start`).
 * --no-record opts every request out of the prediction records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeWav } from '@ser/audio';
import { loadPlatformConfig } from '@ser/config';
import { loadSerProto, type InferenceServiceClient } from '@ser/contracts';
import { createGateway } from '@ser/gateway';
import { callUnary, closeClient, createClient } from '@ser/grpc-kit';
import { loadServableModel, startInferenceService } from '@ser/inference';
import { createLogger } from '@ser/logging';
import { DEFAULT_FOP_CONFIG } from '@ser/models';
import { openPlatform, type Platform } from '@ser/runtime';
import { initTfjs } from '@ser/tfjs-backend';
import { gqlUpload } from '../gateway/client';
import { registerRandomModel, tone } from '../inference/model-fixtures';

const CLIP_SECONDS = 3;
const LEVELS = [1, 8, 32];
const MODEL = 'bench-emotion';

const PREDICT = 'mutation($input: PredictInput!) { predict(input: $input) { label modelVersion { version } } }';
const DEADLINE_MS = 300_000; // 32 queued 3 s clips on a loaded 2-core machine take a while without batching

type Via = 'grpc' | 'gateway';
/** One Predict of `clip` through the chosen front door, with its own teardown. */
interface PredictPath {
  predict(clip: Buffer, recordOptOut: boolean): Promise<void>;
  close(): Promise<void>;
}

/** The path a request takes to the inference service at `address`: straight over gRPC, or via the gateway. */
async function openPath(via: Via, platform: Platform, address: string): Promise<PredictPath> {
  if (via === 'grpc') {
    const client = createClient<InferenceServiceClient>(loadSerProto().grpc.ser.v1.InferenceService, address, { deadlineMs: DEADLINE_MS });
    return {
      predict: async (clip, recordOptOut) => void (await callUnary(client, 'Predict', { audio: { content: clip }, recordOptOut })),
      close: async () => closeClient(client),
    };
  }
  const gateway = await createGateway({
    port: 0,
    host: '127.0.0.1',
    store: platform.store,
    serviceAddresses: { ...platform.config.addresses, inference: address },
    logger: createLogger('bench-gateway', { level: 'warn' }),
    grpcDeadlineMs: DEADLINE_MS,
  });
  const { token } = await platform.store.apiTokens.create({ name: 'bench-operator', role: 'operator' });
  return {
    async predict(clip, recordOptOut) {
      const res = await gqlUpload(gateway.url, PREDICT, { input: { audio: null, recordOptOut } }, { path: 'variables.input.audio', name: 'clip.wav', content: clip }, token);
      if (res.errors?.length || !res.data) throw new Error(`gateway predict failed (HTTP ${res.status}): ${JSON.stringify(res.errors)}`);
    },
    close: () => gateway.stop(),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const via = argv.includes('--via') ? argv[argv.indexOf('--via') + 1] : 'grpc';
  if (via !== 'grpc' && via !== 'gateway') throw new Error(`--via ${via}: one of grpc, gateway`);
  const requestsAt = argv.indexOf('--requests');
  const perLevel = requestsAt >= 0 ? Number(argv[requestsAt + 1]) : 96;
  const optOut = argv.includes('--no-record');
  const { backend } = await initTfjs();

  const dataDir = mkdtempSync(join(tmpdir(), 'ser-bench-inference-'));
  const platform = await openPlatform(loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_LOG_LEVEL: 'warn', SER_METRICS_PORT: '0' } }));
  try {
    const version = await registerRandomModel(platform.store, platform.artifacts, MODEL, 1, DEFAULT_FOP_CONFIG);
    await platform.store.models.setAlias(MODEL, 'production', version);
    const clip = Buffer.from(encodeWav(tone(CLIP_SECONDS), 16000));

    // Bare forward of one clip: the same loader, features computed beforehand, median of 30 after 5 warm-ups.
    const bare = await loadServableModel(platform.artifacts, (await platform.store.models.findVersion(MODEL, version))!.artifactKey);
    const features = bare.featurize(tone(CLIP_SECONDS));
    const forwardMs: number[] = [];
    for (let i = 0; i < 35; i++) {
      const t = performance.now();
      bare.predict([features]);
      if (i >= 5) forwardMs.push(performance.now() - t);
    }
    bare.dispose();
    const bareForwardMs = forwardMs.sort((a, b) => a - b)[Math.floor(forwardMs.length / 2)]!;

    const results: Array<{ mode: string; concurrency: number; requests: number; p50Ms: number; p99Ms: number; throughputPerS: number }> = [];
    for (const [mode, maxBatchSize] of [['batching', 32], ['no-batching', 1]] as const) {
      const service = await startInferenceService(platform, { port: 0, inference: { defaultModelName: MODEL, maxBatchSize, maxBatchWaitMs: 5 } });
      const client = createClient<InferenceServiceClient>(loadSerProto().grpc.ser.v1.InferenceService, service.address, { deadlineMs: DEADLINE_MS });
      const path = await openPath(via, platform, service.address);
      try {
        await path.predict(clip, true); // loads + warms the model (and the gateway's connection)
        for (const concurrency of LEVELS) {
          const latencies: number[] = [];
          let next = 0;
          const started = performance.now();
          await Promise.all(
            Array.from({ length: concurrency }, async () => {
              while (next++ < perLevel) {
                const t = performance.now();
                await path.predict(clip, optOut);
                latencies.push(performance.now() - t);
              }
            }),
          );
          const wallS = (performance.now() - started) / 1000;
          latencies.sort((a, b) => a - b);
          results.push({ mode, concurrency, requests: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), throughputPerS: latencies.length / wallS });
        }
        const { models } = await callUnary(client, 'GetModelStatus', {});
        if (!json) process.stdout.write(`${mode}: forward passes by batch size ${JSON.stringify(models[0]?.batchesBySize ?? {})}\n`);
      } finally {
        await path.close();
        closeClient(client);
        await service.stop();
      }
    }

    const at8 = (mode: string) => results.find((r) => r.mode === mode && r.concurrency === 8)!;
    const goals = {
      p99At8OverBareForward: at8('batching').p99Ms / bareForwardMs,
      throughputAt8BatchingOverNone: at8('batching').throughputPerS / at8('no-batching').throughputPerS,
    };
    if (json) {
      process.stdout.write(`${JSON.stringify({ backend, via, clipSeconds: CLIP_SECONDS, model: 'DEFAULT_FOP_CONFIG', bareForwardMs, results, goals }, null, 2)}\n`);
      return;
    }
    process.stdout.write(`backend ${backend}, via ${via}, ${CLIP_SECONDS} s clips, ${perLevel} requests per level, recording ${optOut ? 'off' : 'on'}\n`);
    process.stdout.write(`bare forward of one clip: ${bareForwardMs.toFixed(1)} ms (median)\n\n`);
    process.stdout.write('mode         conc   p50 ms   p99 ms   req/s\n');
    for (const r of results) {
      process.stdout.write(`${r.mode.padEnd(12)} ${String(r.concurrency).padStart(4)} ${r.p50Ms.toFixed(1).padStart(8)} ${r.p99Ms.toFixed(1).padStart(8)} ${r.throughputPerS.toFixed(1).padStart(7)}\n`);
    }
    process.stdout.write(`\nat concurrency 8: p99 / bare forward = ${goals.p99At8OverBareForward.toFixed(2)} (goal < 3); throughput batching / none = ${goals.throughputAt8BatchingOverNone.toFixed(2)} (goal >= 2)\n`);
  } finally {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
