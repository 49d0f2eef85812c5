import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav, synthesizeTestSignal } from '@ser/audio';
import { DEMO_MODEL_CAVEAT, DEMO_MODEL_NAME, seedDemoCorpus, startAll, trainDemoModel, type RunningSystem } from '@ser/all-in-one';
import { loadPlatformConfig } from '@ser/config';
import { loadSerProto, type InferenceServiceClient } from '@ser/contracts';
import { callUnary, closeClient, createClient } from '@ser/grpc-kit';
import { readModelCard } from '@ser/model-artifacts';
import { openPlatform, type Platform } from '@ser/runtime';

const FREE_PORTS = ['features', 'fopPretrainer', 'vqvaePretrainer', 'classifierTrainer', 'inference', 'modelRegistry', 'gateway'].map((n) => `--ports.${n}=0`);
// npm start's flow at test size: the configs are the demo's with a tiny model and two epochs.
// Two layers: the recipe's classifier, which the demo model trains, reads the last (h2).
const TINY = { pretrainConfig: { model: { dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 2 }, epochs: 2, batchSize: 8, cropFrames: 60 } };

// First run of `npm start`: demo corpus -> FOP pre-training -> the recipe's classifier -> 'production', through the services' APIs.
describe('the demo model of the first start', () => {
  let dataDir: string;
  let platform: Platform;
  let system: RunningSystem;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-demo-model-'));
    platform = await openPlatform(
      loadPlatformConfig({ env: { SER_DATA_DIR: dataDir, SER_SEED_DEMO: 'false', SER_LOG_LEVEL: 'warn', SER_METRICS_PORT: '0' }, overrides: FREE_PORTS }),
    );
    system = await startAll(platform);
  });

  afterAll(async () => {
    for (const s of [...(system?.stoppables ?? [])].reverse()) await s.stop();
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('trains and promotes a model that answers a predict naming no model, and does it only once', async () => {
    expect(await seedDemoCorpus(platform, { speakers: 4, utterancesPerEmotion: 2 })).toBe('seeded');
    const lines: string[] = [];
    expect(await trainDemoModel(platform, system.serviceAddresses, { ...TINY, report: (l) => lines.push(l) })).toBe('trained');
    expect(lines.some((l) => l.startsWith('demo model: pre-training'))).toBe(true);
    expect(lines.some((l) => l.startsWith('demo model: classifier'))).toBe(true);
    expect(lines.at(-2)).toMatch(/is now 'production'/);
    // ...and says plainly what it learned from and how to get a model for real voices.
    expect(lines.at(-1)).toMatch(/synthetic speech only and is not meant for real voices.*ser corpus import/);

    const production = await platform.store.models.resolve(DEMO_MODEL_NAME, 'production');
    expect(production).not.toBeNull();
    expect(production!.lineage).toMatchObject({ datasetVersionIds: [(await platform.store.datasets.latestVersion('demo'))!.id] });
    // Its model card says the same first, for whoever reads the model rather than the terminal.
    const card = await readModelCard(platform.artifacts, production!.artifactKey);
    expect(card).toMatchObject({ model: { name: DEMO_MODEL_NAME, version: production!.version }, data: { datasetName: 'demo' } });
    expect(card!.knownLimits[0]).toBe(DEMO_MODEL_CAVEAT);
    // It is the training recipe's model (what `ser train` registers), not a fine-tuned FOP.
    const manifest = JSON.parse((await platform.artifacts.get(`${production!.artifactKey}/model.json`)).toString('utf8')) as object;
    expect(manifest).toMatchObject({ kind: 'fop-hypercolumn-classical', representation: 'h2' });

    // The inference service's default model is the demo model: a predict without a model selector gets it.
    const inference = createClient<InferenceServiceClient>(loadSerProto().grpc.ser.v1.InferenceService, system.serviceAddresses.inference, {
      deadlineMs: 60_000,
    });
    try {
      const wav = encodeWav(synthesizeTestSignal({ seconds: 1.5, sampleRate: 16_000 }), 16_000);
      const { prediction } = await callUnary(inference, 'Predict', { audio: { content: wav, filename: 'clip.wav' } });
      expect(prediction!.model).toMatchObject({ name: DEMO_MODEL_NAME, version: String(production!.version) });
      expect(['angry', 'happy', 'neutral', 'sad']).toContain(prediction!.label);
    } finally {
      closeClient(inference);
    }

    // A second start finds the model and trains nothing.
    const runsBefore = (await platform.store.runs.list({}, { first: 100 })).edges.length;
    expect(await trainDemoModel(platform, system.serviceAddresses, TINY)).toBe('present');
    expect((await platform.store.runs.list({}, { first: 100 })).edges.length).toBe(runsBefore);
  }, 600_000);
});
