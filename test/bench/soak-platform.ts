// The platform the soak bench drives when it is not pointed at a running one: `npm start`'s all-in-one process in a
// temporary data directory, with a model of the demo model's size (random weights: the bench measures serving, not
// accuracy) as fop-emotion@production, an operator token, and demo-corpus clips to send.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalArtifactStore } from '@ser/artifacts';
import { generateDemoCorpus } from '@ser/demo-corpus';
import type { FopConfig } from '@ser/models';
import { openMetadataStore } from '@ser/store';
import { registerRandomModel } from '../inference/model-fixtures';
import { freePort, terminate } from '../infra/process';

// The demo model's FOP (services/all-in-one/src/demo-model.ts, DEMO_PRETRAIN_CONFIG).
const DEMO_SIZE_FOP: FopConfig = { nMels: 80, dModel: 64, numHeads: 4, ffnUnits: 128, numLayers: 2, dropout: 0.1, attentionDropout: 0.1 };
const SERVICES = ['features', 'fopPretrainer', 'vqvaePretrainer', 'classifierTrainer', 'inference', 'modelRegistry', 'gateway'];

export interface SoakTarget {
  gatewayUrl: string;
  token: string;
  /** The process whose resident memory is sampled. */
  pid: number;
  clips: Buffer[];
  stop(): Promise<void>;
}

/** Demo-corpus utterances (one per speaker and emotion) to predict. */
export async function demoClips(dir: string): Promise<Buffer[]> {
  await generateDemoCorpus({ outDir: dir, speakers: 2, utterancesPerEmotion: 1, useEspeak: false, seed: 3 });
  const clips: Buffer[] = [];
  for (const emotion of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const file of readdirSync(join(dir, emotion.name)).filter((f) => f.endsWith('.wav'))) clips.push(readFileSync(join(dir, emotion.name, file)));
  }
  return clips;
}

export async function startSoakPlatform(log: (line: string) => void): Promise<SoakTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ser-soak-'));
  const clips = await demoClips(join(dataDir, 'clips'));
  // PGlite belongs to one process: prepared here, then closed before the platform opens it.
  const store = await openMetadataStore({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
  let token: string;
  try {
    const version = await registerRandomModel(store, createLocalArtifactStore(join(dataDir, 'artifacts')), 'fop-emotion', 1, DEMO_SIZE_FOP);
    await store.models.setAlias('fop-emotion', 'production', version);
    token = (await store.apiTokens.create({ name: 'soak', role: 'operator' })).token;
  } finally {
    await store.close();
  }
  const ports: Record<string, number> = {};
  for (const s of SERVICES) ports[s] = await freePort();
  const args = ['--import', 'tsx', 'services/all-in-one/src/main.ts', ...SERVICES.map((s) => `--ports.${s}=${ports[s]}`)];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, SER_DATA_DIR: dataDir, SER_SEED_DEMO: 'false', SER_LOG_LEVEL: 'warn', SER_METRICS_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await untilReady(child);
  log(`all-in-one platform (pid ${child.pid}) ready in ${dataDir}`);
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    token,
    pid: child.pid!,
    clips,
    async stop() {
      await terminate(child, 'SIGTERM', 30_000);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function untilReady(child: ChildProcess): Promise<void> {
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform not ready after 5 min:\n${out}`)), 300_000);
    child.stderr!.on('data', (d) => (out += d));
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('SER platform ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited with ${code}:\n${out}`));
    });
  });
}
