import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import { loadSerProto, type FeatureServiceClient, type FopPretrainServiceClient, type Run__Output } from '@ser/contracts';
import { callUnary, closeClient, createClient, deadlineIn, iterateStream } from '@ser/grpc-kit';
import { serviceCaller } from '@ser/runtime';
import { openMetadataStore } from '@ser/store';
import { writeUrduLikeCorpus } from '../features/urdu-like-corpus';
import { freePort } from '../infra/process';

const SERVICES = ['features', 'fopPretrainer', 'vqvaePretrainer', 'classifierTrainer', 'inference', 'modelRegistry', 'gateway'];
// A FOP small enough to train in seconds on any backend, with the paper's structure.
const TINY = {
  model: { dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 1 },
  epochs: 8,
  batchSize: 4,
  cropFrames: 40,
  heldOutFraction: 0.25,
  patience: 100,
  seed: 7,
};

async function startPlatform(dataDir: string, ports: Record<string, number>): Promise<ChildProcess> {
  const args = ['--import', 'tsx', 'services/all-in-one/src/main.ts', ...SERVICES.map((s) => `--ports.${s}=${ports[s]}`)];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, SER_DATA_DIR: dataDir, SER_SEED_DEMO: 'false', SER_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('SER platform ready') && resolve());
    child.once('exit', (code) => reject(new Error(`platform exited with ${code}: ${out}`)));
  });
  return child;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('FOP pre-training survives SIGKILL', () => {
  let dataDir: string;
  const ports: Record<string, number> = {};
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-fop-resume-'));
    mkdirSync(join(dataDir, 'corpora', 'tiny'), { recursive: true });
    await writeUrduLikeCorpus(join(dataDir, 'corpora', 'tiny'), 4);
    for (const s of SERVICES) ports[s] = await freePort();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes a run killed mid-training from its last checkpoint and ends as an uninterrupted run does', async () => {
    const proto = loadSerProto().grpc.ser.v1;
    child = await startPlatform(dataDir, ports);
    // Signed as `ser` on this machine signs: with the secret npm start wrote under the data folder (a new one per start).
    const operator = () => serviceCaller(loadPlatformConfig({ env: { SER_DATA_DIR: dataDir } }), 'operator');
    const features = createClient<FeatureServiceClient>(proto.FeatureService, `127.0.0.1:${ports.features}`, { deadlineMs: 120_000, serviceToken: operator() });
    let versionId = '';
    for await (const m of iterateStream(features.IngestDataset({ corpusName: 'tiny', format: 'DATASET_FORMAT_URDU', uri: join(dataDir, 'corpora', 'tiny') }))) {
      if (m.datasetVersion) versionId = m.datasetVersion.id;
    }
    closeClient(features);
    let fop = createClient<FopPretrainServiceClient>(proto.FopPretrainService, `127.0.0.1:${ports.fopPretrainer}`, {
      deadlineMs: 30_000,
      serviceToken: operator(),
    });
    // A display name travels with the run without being read as a config key (it once failed the run).
    const { run } = await callUnary(fop, 'StartFopPretrainRun', {
      configJson: JSON.stringify(TINY),
      datasetVersionIds: [versionId],
      displayName: 'resume test',
    });
    const runId = run!.id;

    // Kill the whole platform the moment the second epoch's checkpoint is announced.
    for await (const m of iterateStream(fop.WatchFopPretrainRun({ runId }, deadlineIn(300_000)))) {
      if (m.progress?.message === 'epoch 1 checkpoint saved') break;
    }
    child.kill('SIGKILL');
    await exited(child);
    closeClient(fop);

    child = await startPlatform(dataDir, ports);
    fop = createClient<FopPretrainServiceClient>(proto.FopPretrainService, `127.0.0.1:${ports.fopPretrainer}`, {
      deadlineMs: 30_000,
      serviceToken: operator(),
    });
    const watchToEnd = async (id: string): Promise<Run__Output> => {
      let last: Run__Output | null = null;
      for await (const m of iterateStream(fop.WatchFopPretrainRun({ runId: id }, deadlineIn(300_000)))) if (m.run) last = m.run;
      return last!;
    };
    const resumed = await watchToEnd(runId);
    expect(resumed.status).toBe('RUN_STATUS_SUCCEEDED');

    // The same experiment, never interrupted, for comparison.
    const { run: fresh } = await callUnary(fop, 'StartFopPretrainRun', { configJson: JSON.stringify(TINY), datasetVersionIds: [versionId] });
    const uninterrupted = await watchToEnd(fresh!.id);
    expect(uninterrupted.status).toBe('RUN_STATUS_SUCCEEDED');
    closeClient(fop);
    child.kill('SIGTERM');
    await exited(child);
    child = undefined;

    const store = await openMetadataStore({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
    try {
      const stored = (await store.runs.get(runId))!;
      expect(stored.attempt).toBe(2); // claimed once before the kill, once after
      expect(stored.displayName).toBe('resume test'); // a column beside the config, which the trainer parses as it is
      const epochs = (await store.checkpoints.listForRun(runId)).map((c) => c.epoch).sort((a, b) => a - b);
      expect(epochs).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      const curve = async (id: string) => (await store.runs.listMetrics(id, 'heldOutLoss')).sort((a, b) => a.epoch - b.epoch).map((m) => m.value);
      const [a, b] = [await curve(runId), await curve(fresh!.id)];
      expect(a).toHaveLength(8);
      a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThan(1e-3 * Math.max(1, Math.abs(b[i]!))));
    } finally {
      await store.close();
    }
  }, 600_000);
});
