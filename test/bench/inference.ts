/**
 * Inference serving speed, side by side with a Python peer: Predict on 3-second clips at each concurrency level
 * (default 1 and 8), with dynamic batching (max batch 32, max wait 5 ms) and without (max batch 1), next to the bare
 * forward pass of one clip measured in the same run on the same loaded model; then, in the same run, the same kept
 * model in PyTorch behind an HTTP endpoint (peers/fop_classifier_serve.py: Starlette on uvicorn) at the same levels
 * with the same clips, once per --peer-threads setting. --via gateway (the default) sends the GraphQL multipart
 * `predict` mutation (an operator token, the clip as an upload) to the gateway started in this process, which
 * forwards it to the inference service; --via grpc calls the service's Predict. A paper-size FOP classifier
 * (DEFAULT_FOP_CONFIG) with random weights, kept in the artifact format classifier runs write: our service loads it
 * through its own loader and the peer from the same model.json and safetensors file.
 *
 *   npx tsx test/bench/inference.ts [--json] [--requests N] [--levels 1,8] [--via gateway|grpc] [--no-record]
 *     [--workers N] [--front-end-workers N] [--in-process] [--peer-threads 1,2] [--no-peer]
 *
 * --workers sets the service's forward-pass threads and --front-end-workers its decode + feature threads (default:
 * the config default; 0 = on the event loop); --in-process
 * adds a batching run with forward passes on the event loop, for comparison. Latency is measured by the client,
 * p50/p99 over every request of a level; throughput is requests / wall time of the level. Client, gateway and
 * service share this process (as with `npm start`); the peer is its own process. The ratios compare ours with
 * batching to the peer setting of highest throughput at each level.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeWav, synthesizeTestSignal } from '@ser/audio';
import { loadPlatformConfig } from '@ser/config';
import { loadSerProto, type InferenceServiceClient } from '@ser/contracts';
import { createGateway } from '@ser/gateway';
import { callUnary, closeClient, createClient } from '@ser/grpc-kit';
import { loadServableModel, startInferenceService } from '@ser/inference';
import { createLogger } from '@ser/logging';
import { startModelRegistryService } from '@ser/model-registry';
import { DEFAULT_FOP_CONFIG } from '@ser/models';
import { openPlatform, type Platform } from '@ser/runtime';
import { initTfjs } from '@ser/tfjs-backend';
import { gqlUpload } from '../gateway/client';
import { registerRandomModel } from '../inference/model-fixtures';
import { listOption, runLevel, type LevelResult } from './inference-load';
import { startTorchServingPeer } from './peers/torch-serving-peer';

const CLIP_SECONDS = 3;
const MODEL = 'bench-emotion';
const PREDICT = 'mutation($input: PredictInput!) { predict(input: $input) { label probabilities { label probability } } }';
const DEADLINE_MS = 300_000; // 32 queued 3 s clips on a loaded 2-core machine take a while without batching

type Via = 'grpc' | 'gateway';
/** One Predict of `clip` through the chosen front door (class probabilities back), with its own teardown. */
interface PredictPath {
  predict(clip: Buffer, recordOptOut: boolean): Promise<number[]>;
  close(): Promise<void>;
}

/** The path a request takes to the inference service at `address`: straight over gRPC, or via the gateway (which reads versions from the registry). */
async function openPath(via: Via, platform: Platform, address: string, registryAddress: string): Promise<PredictPath> {
  if (via === 'grpc') {
    const client = createClient<InferenceServiceClient>(loadSerProto().grpc.ser.v1.InferenceService, address, { deadlineMs: DEADLINE_MS });
    return {
      predict: async (clip, recordOptOut) =>
        (await callUnary(client, 'Predict', { audio: { content: clip }, recordOptOut })).prediction!.classProbabilities.map((c) => c.probability),
      close: async () => closeClient(client),
    };
  }
  const gateway = await createGateway({
    port: 0,
    host: '127.0.0.1',
    store: platform.store,
    serviceAddresses: { ...platform.config.addresses, inference: address, modelRegistry: registryAddress },
    logger: createLogger('bench-gateway', { level: 'warn' }),
    grpcDeadlineMs: DEADLINE_MS,
  });
  const { token } = await platform.store.apiTokens.create({ name: 'bench-operator', role: 'operator' });
  return {
    async predict(clip, recordOptOut) {
      const res = await gqlUpload<{ predict: { probabilities: Array<{ probability: number }> } }>(
        gateway.url,
        PREDICT,
        { input: { audio: null, recordOptOut } },
        { path: 'variables.input.audio', name: 'clip.wav', content: clip },
        token,
      );
      if (res.errors?.length || !res.data) throw new Error(`gateway predict failed (HTTP ${res.status}): ${JSON.stringify(res.errors)}`);
      return res.data.predict.probabilities.map((c) => c.probability);
    },
    close: () => gateway.stop(),
  };
}

interface Row extends LevelResult {
  side: string;
}

/** A row as it is measured (stderr), so a run cut short still shows what it measured. */
const describe = (r: Row) =>
  `${r.side} at ${r.concurrency}: p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, ${r.throughputPerS.toFixed(2)} req/s; loadavg ${loadavg()[0]!.toFixed(1)}`;

const maxAbsDiff = (a: number[], b: number[]) => Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));

async function main() {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const via = argv.includes('--via') ? argv[argv.indexOf('--via') + 1] : 'gateway';
  if (via !== 'grpc' && via !== 'gateway') throw new Error(`--via ${via}: one of grpc, gateway`);
  const [perLevel = 96] = listOption(argv, '--requests', [96]);
  const levels = listOption(argv, '--levels', [1, 8]);
  const workers = argv.includes('--workers') ? listOption(argv, '--workers', [])[0] : undefined;
  const frontEndWorkers = argv.includes('--front-end-workers') ? listOption(argv, '--front-end-workers', [])[0] : undefined;
  const peerThreads = argv.includes('--no-peer') ? [] : listOption(argv, '--peer-threads', [1, 2]);
  const optOut = argv.includes('--no-record');
  const { backend } = await initTfjs();
  const log = (line: string) => process.stderr.write(`${line}\n`);

  const dataDir = mkdtempSync(join(tmpdir(), 'ser-bench-inference-'));
  const platform = await openPlatform(loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_LOG_LEVEL: 'warn', SER_METRICS_PORT: '0' } }));
  try {
    const version = await registerRandomModel(platform.store, platform.artifacts, MODEL, 1, DEFAULT_FOP_CONFIG);
    await platform.store.models.setAlias(MODEL, 'production', version);
    const artifactKey = (await platform.store.models.findVersion(MODEL, version))!.artifactKey;
    // Four different voiced clips, sent in turn: the same clips go to our service and to the peer.
    const samples = [1, 2, 3, 4].map((seed) => synthesizeTestSignal({ sampleRate: 16000, seconds: CLIP_SECONDS, seed }));
    const clips = samples.map((s) => Buffer.from(encodeWav(s, 16000)));

    // Bare forward of one clip: the same loader, features computed beforehand, median of 30 after 5 warm-ups.
    const bare = await loadServableModel(platform.artifacts, artifactKey);
    const features = bare.featurize(samples[0]!);
    const forwardMs: number[] = [];
    for (let i = 0; i < 35; i++) {
      const t = performance.now();
      await bare.predict([features]);
      if (i >= 5) forwardMs.push(performance.now() - t);
    }
    bare.dispose();
    const bareForwardMs = forwardMs.sort((a, b) => a - b)[Math.floor(forwardMs.length / 2)]!;

    const registry = await startModelRegistryService(platform, { port: 0 });
    const rows: Row[] = [];
    const batchesBySize: Record<string, unknown> = {};
    let ours: number[] = [];
    const modes: Array<[string, number, number | undefined]> = [
      ['batching', 32, workers],
      ['no-batching', 1, workers],
    ];
    if (argv.includes('--in-process')) modes.push(['batching, in-process', 32, 0]);
    for (const [mode, maxBatchSize, forwardWorkers] of modes) {
      // Versions and aliases come from the model registry service (named in a variable: older services ignore it).
      const serviceOptions = {
        port: 0,
        modelRegistryAddress: registry.address,
        inference: { defaultModelName: MODEL, maxBatchSize, maxBatchWaitMs: 5, forwardWorkers, frontEndWorkers },
      };
      const service = await startInferenceService(platform, serviceOptions);
      const client = createClient<InferenceServiceClient>(loadSerProto().grpc.ser.v1.InferenceService, service.address, { deadlineMs: DEADLINE_MS });
      const path = await openPath(via, platform, service.address, registry.address);
      try {
        ours = await path.predict(clips[0]!, true); // loads + warms the model (and the gateway's connection)
        for (const concurrency of levels) {
          rows.push({ side: `ours ${mode}`, ...(await runLevel((i) => path.predict(clips[i % clips.length]!, optOut), concurrency, perLevel)) });
          log(describe(rows.at(-1)!));
        }
        batchesBySize[mode] = (await callUnary(client, 'GetModelStatus', {})).models[0]?.batchesBySize ?? {};
      } finally {
        await path.close();
        closeClient(client);
        await service.stop();
      }
    }

    await registry.stop();

    const peerParity: Record<string, number> = {};
    for (const threads of peerThreads) {
      const peer = await startTorchServingPeer(platform.artifacts.localPath(artifactKey), threads);
      try {
        peerParity[`${threads} thr`] = maxAbsDiff(await peer.predict(clips[0]!), ours); // the same model: the same probabilities
        for (const concurrency of levels) {
          rows.push({ side: `torch peer, ${threads} thr`, ...(await runLevel((i) => peer.predict(clips[i % clips.length]!), concurrency, perLevel)) });
          log(describe(rows.at(-1)!));
        }
      } finally {
        await peer.stop();
      }
    }

    const at = (side: string, concurrency: number) => rows.find((r) => r.side === side && r.concurrency === concurrency);
    const comparisons = levels.map((concurrency) => {
      const mine = at('ours batching', concurrency)!;
      const peers = rows.filter((r) => r.side.startsWith('torch') && r.concurrency === concurrency);
      const best = peers.reduce<Row | undefined>((b, r) => (!b || r.throughputPerS > b.throughputPerS ? r : b), undefined);
      return {
        concurrency,
        peer: best?.side,
        throughputOursOverPeer: best ? mine.throughputPerS / best.throughputPerS : undefined,
        p99OursOverPeer: best ? mine.p99Ms / best.p99Ms : undefined,
        throughputBatchingOverNone: mine.throughputPerS / at('ours no-batching', concurrency)!.throughputPerS,
        p99OverBareForward: mine.p99Ms / bareForwardMs,
      };
    });
    const settings = {
      backend,
      via,
      clipSeconds: CLIP_SECONDS,
      model: 'DEFAULT_FOP_CONFIG',
      requestsPerLevel: perLevel,
      forwardWorkers: workers ?? 'config default',
      frontEndWorkers: frontEndWorkers ?? 'config default',
      recording: !optOut,
    };
    if (json) {
      process.stdout.write(`${JSON.stringify({ ...settings, bareForwardMs, rows, batchesBySize, peerParity, comparisons, loadavg: loadavg() }, null, 2)}\n`);
      return;
    }
    const fmt = (x: number | undefined, digits = 2) => (x === undefined ? '-' : x.toFixed(digits));
    process.stdout.write(
      `backend ${backend}, via ${via}, ${CLIP_SECONDS} s clips, ${perLevel} requests per level, forward workers ${settings.forwardWorkers}, front-end workers ${settings.frontEndWorkers}, recording ${optOut ? 'off' : 'on'}; loadavg ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
    process.stdout.write(`bare forward of one clip: ${bareForwardMs.toFixed(1)} ms (median); forward passes by batch size ${JSON.stringify(batchesBySize)}\n`);
    process.stdout.write(`peer vs ours, max |diff| of one clip's probabilities: ${JSON.stringify(peerParity)}\n\n`);
    process.stdout.write(`${'side'.padEnd(26)} conc   p50 ms   p99 ms   req/s\n`);
    for (const r of rows)
      process.stdout.write(
        `${r.side.padEnd(26)} ${String(r.concurrency).padStart(4)} ${r.p50Ms.toFixed(1).padStart(8)} ${r.p99Ms.toFixed(1).padStart(8)} ${r.throughputPerS.toFixed(1).padStart(7)}\n`,
      );
    process.stdout.write('\n');
    for (const c of comparisons) {
      process.stdout.write(
        `at concurrency ${c.concurrency}: throughput ours / ${c.peer ?? 'peer'} = ${fmt(c.throughputOursOverPeer)} (goal >= 1), p99 ours / peer = ${fmt(c.p99OursOverPeer)} (goal <= 1); ` +
          `throughput batching / none = ${fmt(c.throughputBatchingOverNone)} (goal >= 2); p99 / bare forward = ${fmt(c.p99OverBareForward)}\n`,
      );
    }
  } finally {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
