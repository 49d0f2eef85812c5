// A terminal's Ctrl-C goes to every process of the foreground process group, and npm forwards it once
// more to its child, so the platform gets SIGINT twice within milliseconds (tsx's CLI, between npm and
// node in `npm start`, relays the forwarded one). The platform must take both as one Ctrl-C: stop
// gracefully and exit 0, and a training run it interrupts resumes from its last checkpoint at the next start. The platform runs here as `node --import tsx` (no tsx CLI parent): the tsx CLI
// SIGKILLs its child when the child has not confirmed a relayed signal within 30 ms, which a loaded
// machine cannot promise, so a test through it would measure the machine, not the platform.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import { loadSerProto, type FeatureServiceClient, type FopPretrainServiceClient, type InferenceServiceClient, type Run__Output } from '@ser/contracts';
import { callUnary, closeClient, createClient, deadlineIn, GrpcStatus, iterateStream } from '@ser/grpc-kit';
import { serviceCaller } from '@ser/runtime';
import { openMetadataStore } from '@ser/store';
import { writeUrduLikeCorpus } from '../features/urdu-like-corpus';
import { freePort } from '../infra/process';

const SERVICES = ['features', 'fopPretrainer', 'vqvaePretrainer', 'classifierTrainer', 'inference', 'modelRegistry', 'gateway'];

interface GroupLeader {
  child: ChildProcess;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The all-in-one platform as the leader of a process group of its own, as a terminal runs a foreground job. */
async function startPlatform(dataDir: string, ports: Record<string, number>): Promise<GroupLeader> {
  const args = ['--import', 'tsx', 'services/all-in-one/src/main.ts', ...SERVICES.map((s) => `--ports.${s}=${ports[s]}`)];
  const env = { ...process.env, SER_DATA_DIR: dataDir, SER_SEED_DEMO: 'false', SER_LOG_LEVEL: 'info' };
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => out.includes('SER platform ready: GraphQL') && resolve()); // the banner: Ctrl-C is handled from here on
    void exit.then(({ code }) => reject(new Error(`platform exited with ${code} before it was ready: ${out}`)));
  });
  return { child, output: () => out, exit };
}

/** Log lines (pino JSON) whose msg is `msg`. */
const logged = (output: string, msg: string) => output.split('\n').filter((line) => line.startsWith('{') && line.includes(`"msg":"${msg}"`));

/** Ctrl-C as a terminal sends it (SIGINT to the whole group), then the checks of a graceful stop. */
async function interruptAndExpectCleanStop(platform: GroupLeader): Promise<void> {
  process.kill(-platform.child.pid!, 'SIGINT');
  expect(await platform.exit, platform.output()).toEqual({ code: 0, signal: null });
  expect(platform.output()).not.toContain('exiting without waiting');
  expect(logged(platform.output(), 'stopping'), platform.output()).toHaveLength(1);
  expect(logged(platform.output(), 'stopped'), platform.output()).toHaveLength(1);
}

// A FOP small enough to train in seconds on any backend (as test/fop/pretrain-resume.spec.ts).
const TINY_FOP = {
  model: { dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1 },
  epochs: 4,
  batchSize: 4,
  cropFrames: 40,
  heldOutFraction: 0.25,
  patience: 100,
  seed: 7,
};

describe('Ctrl-C on the all-in-one platform', () => {
  let dataDir: string;
  const ports: Record<string, number> = {};
  let platform: GroupLeader | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-ctrl-c-'));
    for (const s of SERVICES) ports[s] = await freePort();
  });
  afterAll(() => {
    if (platform?.child.pid && platform.child.exitCode === null) process.kill(-platform.child.pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('SIGINT to the whole process group, then forwarded by npm, stops the platform gracefully and exits 0', async () => {
    platform = await startPlatform(dataDir, ports);
    const pid = platform.child.pid!;
    const { exit, output } = platform;
    const outputHas = (text: string) =>
      Promise.race([
        new Promise<void>((resolve) => {
          const check = () => output().includes(text) && resolve();
          platform!.child.stdout!.on('data', check);
          check();
        }),
        exit.then((e) => Promise.reject(new Error(`platform exited (${JSON.stringify(e)}) before logging "${text}": ${output()}`))),
      ]);
    // A client mid-stream holds the graceful stop open (gRPC lets in-flight calls finish) until it hangs up.
    const inference = createClient<InferenceServiceClient>(loadSerProto().grpc.ser.v1.InferenceService, `127.0.0.1:${ports.inference}`, {
      deadlineMs: 120_000,
      serviceToken: serviceCaller(loadPlatformConfig({ env: { SER_DATA_DIR: dataDir } }), 'operator'), // PredictStream is refused unsigned
    });
    const stream = inference.PredictStream();
    stream.on('error', () => undefined); // cancelled below
    stream.on('data', () => undefined);
    stream.write({ config: { encoding: 'AUDIO_ENCODING_PCM_S16LE', sampleRateHz: 16000, channels: 1, windowSeconds: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the call reaches the server

    process.kill(-pid, 'SIGINT'); // the terminal's Ctrl-C, to every process of the foreground group
    await outputHas('"msg":"stopping"'); // handled: the kernel cannot merge the two into one pending signal
    process.kill(pid, 'SIGINT'); // npm's signal forwarding to its child, while the platform stops
    await outputHas('same signal again');
    stream.cancel();
    closeClient(inference);
    expect(await exit, output()).toEqual({ code: 0, signal: null });
    expect(output()).not.toContain('exiting without waiting');
    expect(logged(output(), 'stopping'), output()).toHaveLength(1);
    expect(logged(output(), 'stopped'), output()).toHaveLength(1);
  }, 120_000);

  it('a training run interrupted by Ctrl-C resumes from its last checkpoint at the next start', async () => {
    const proto = loadSerProto().grpc.ser.v1;
    const corpus = join(dataDir, 'corpora', 'tiny');
    mkdirSync(corpus, { recursive: true });
    await writeUrduLikeCorpus(corpus, 4);
    platform = await startPlatform(dataDir, ports);
    // npm start made a secret for this start; `ser` on this machine signs with it, as this test does.
    const operator = serviceCaller(loadPlatformConfig({ env: { SER_DATA_DIR: dataDir } }), 'operator');
    expect(operator).toBeDefined();
    const features = createClient<FeatureServiceClient>(proto.FeatureService, `127.0.0.1:${ports.features}`, { deadlineMs: 120_000, serviceToken: operator });
    let versionId = '';
    for await (const m of iterateStream(features.IngestDataset({ corpusName: 'tiny', format: 'DATASET_FORMAT_URDU', uri: corpus })))
      versionId = m.datasetVersion?.id ?? versionId;
    closeClient(features);

    const request = { configJson: JSON.stringify(TINY_FOP), datasetVersionIds: [versionId], displayName: 'ctrl-c' };
    const unsigned = createClient<FopPretrainServiceClient>(proto.FopPretrainService, `127.0.0.1:${ports.fopPretrainer}`, { deadlineMs: 30_000 });
    await expect(callUnary(unsigned, 'StartFopPretrainRun', request)).rejects.toMatchObject({ code: GrpcStatus.UNAUTHENTICATED });
    closeClient(unsigned);
    let fop = createClient<FopPretrainServiceClient>(proto.FopPretrainService, `127.0.0.1:${ports.fopPretrainer}`, {
      deadlineMs: 30_000,
      serviceToken: operator,
    });
    const runId = (await callUnary(fop, 'StartFopPretrainRun', request)).run!.id;
    for await (const m of iterateStream(fop.WatchFopPretrainRun({ runId }, deadlineIn(300_000)))) {
      if (m.progress?.message === 'epoch 1 checkpoint saved') break;
    }
    closeClient(fop);
    await interruptAndExpectCleanStop(platform);

    const readRun = async () => {
      const store = await openMetadataStore({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
      try {
        return { run: (await store.runs.get(runId))!, checkpoints: await store.checkpoints.listForRun(runId) };
      } finally {
        await store.close();
      }
    };
    const interrupted = await readRun();
    expect(['running', 'queued'], 'a stop hands the run back, it neither fails nor cancels it').toContain(interrupted.run.status);
    const savedBefore = new Map(interrupted.checkpoints.map((c) => [c.epoch, c.id]));
    expect(savedBefore.size).toBeGreaterThanOrEqual(2);
    expect(savedBefore.size).toBeLessThan(TINY_FOP.epochs);

    platform = await startPlatform(dataDir, ports);
    fop = createClient<FopPretrainServiceClient>(proto.FopPretrainService, `127.0.0.1:${ports.fopPretrainer}`, { deadlineMs: 30_000 });
    let last: Run__Output | undefined;
    for await (const m of iterateStream(fop.WatchFopPretrainRun({ runId }, deadlineIn(300_000)))) last = m.run ?? last;
    closeClient(fop);
    expect(last?.status).toBe('RUN_STATUS_SUCCEEDED');
    await interruptAndExpectCleanStop(platform);

    const resumed = await readRun();
    expect(resumed.run.attempt).toBe(2); // claimed before Ctrl-C and once after the restart
    // Every epoch once, and the epochs saved before Ctrl-C are the same rows: training went on from the last one.
    expect(resumed.checkpoints.map((c) => c.epoch).sort((a, b) => a - b)).toEqual([...Array(TINY_FOP.epochs).keys()]);
    for (const [epoch, id] of savedBefore) expect(resumed.checkpoints.find((c) => c.epoch === epoch)?.id).toBe(id);
  }, 600_000);
});
