/**
 * Where a single prediction's time goes through the gateway: one request at a time (no queueing, no batching),
 * the median of each path on the same clip and the same warm model, so the differences are the fixed costs:
 *   grpc         the inference service's Predict called directly (decode, features, forward, record)
 *   gateway      the GraphQL multipart `predict` mutation (the inference bench's request)
 *   +version     the same mutation also selecting modelVersion (a model-registry call after the prediction)
 *   graphql      an authenticated `{ __typename }` POST: HTTP, auth and GraphQL execution alone
 *
 *   npx tsx test/bench/gateway-overhead.ts [--requests N] [--cpu-prof-dir DIR]
 *
 * With node's --cpu-prof (NODE_OPTIONS='--cpu-prof --cpu-prof-dir=DIR') the profile covers client, gateway and service
 * (they share this process); the medians need no profiler.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeWav, synthesizeTestSignal } from '@ser/audio';
import { loadPlatformConfig } from '@ser/config';
import { loadSerProto, type InferenceServiceClient } from '@ser/contracts';
import { createGateway } from '@ser/gateway';
import { callUnary, closeClient, createClient } from '@ser/grpc-kit';
import { startInferenceService } from '@ser/inference';
import { createLogger } from '@ser/logging';
import { startModelRegistryService } from '@ser/model-registry';
import { DEFAULT_FOP_CONFIG } from '@ser/models';
import { openPlatform } from '@ser/runtime';
import { gql, gqlUpload } from '../gateway/client';
import { registerRandomModel } from '../inference/model-fixtures';
import { listOption, percentile } from './inference-load';

const MODEL = 'bench-emotion';
const PREDICT = 'mutation($input: PredictInput!) { predict(input: $input) { label probabilities { label probability } } }';
const PREDICT_VERSION = 'mutation($input: PredictInput!) { predict(input: $input) { label modelVersion { version } } }';

async function median(n: number, run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await run(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return percentile(
    ms.sort((a, b) => a - b),
    50,
  );
}

async function main() {
  const [n = 30] = listOption(process.argv.slice(2), '--requests', [30]);
  const dataDir = mkdtempSync(join(tmpdir(), 'ser-bench-gateway-'));
  const platform = await openPlatform(loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_LOG_LEVEL: 'warn', SER_METRICS_PORT: '0' } }));
  try {
    const version = await registerRandomModel(platform.store, platform.artifacts, MODEL, 1, DEFAULT_FOP_CONFIG);
    await platform.store.models.setAlias(MODEL, 'production', version);
    const clip = Buffer.from(encodeWav(synthesizeTestSignal({ sampleRate: 16000, seconds: 3, seed: 1 }), 16000));
    const registry = await startModelRegistryService(platform, { port: 0 });
    const service = await startInferenceService(platform, { port: 0, modelRegistryAddress: registry.address, inference: { defaultModelName: MODEL } });
    const client = createClient<InferenceServiceClient>(loadSerProto().grpc.ser.v1.InferenceService, service.address, { deadlineMs: 120_000 });
    const gateway = await createGateway({
      port: 0,
      host: '127.0.0.1',
      store: platform.store,
      serviceAddresses: { ...platform.config.addresses, inference: service.address, modelRegistry: registry.address },
      logger: createLogger('bench-gateway', { level: 'warn' }),
      grpcDeadlineMs: 120_000,
    });
    const { token } = await platform.store.apiTokens.create({ name: 'bench-operator', role: 'operator' });
    const upload = (query: string) => async () => {
      const res = await gqlUpload(
        gateway.url,
        query,
        { input: { audio: null, recordOptOut: true } },
        { path: 'variables.input.audio', name: 'clip.wav', content: clip },
        token,
      );
      if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
    };
    try {
      const rows: Record<string, number> = {};
      const paths: Array<[string, () => Promise<unknown>]> = [
        ['grpc', () => callUnary(client, 'Predict', { audio: { content: clip }, recordOptOut: true })],
        ['gateway', upload(PREDICT)],
        ['+version', upload(PREDICT_VERSION)],
        ['graphql', () => gql(gateway.url, '{ __typename }', {}, token)],
      ];
      process.stdout.write(
        `${n} sequential requests per path, medians (ms); loadavg ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}\n`,
      );
      for (const [path, run] of paths) {
        rows[path] = await median(n, run);
        process.stdout.write(`${path.padEnd(10)} ${rows[path]!.toFixed(1).padStart(8)}\n`);
      }
      process.stdout.write(`gateway - grpc = ${(rows.gateway! - rows.grpc!).toFixed(1)} ms fixed overhead\n`);
    } finally {
      await gateway.stop();
      closeClient(client);
      await service.stop();
      await registry.stop();
    }
  } finally {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
