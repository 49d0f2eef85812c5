import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_DATASET, seedDemoCorpus, startAll, trainDemoModel } from '@ser/all-in-one';
import { decodeWav, encodeWav } from '@ser/audio';
import { loadPlatformConfig } from '@ser/config';
import { openPlatform } from '@ser/runtime';
import { freePort, terminate } from '../infra/process';

const SERVICES = ['features', 'fopPretrainer', 'vqvaePretrainer', 'classifierTrainer', 'inference', 'modelRegistry', 'gateway'];
// The demo model of a first `npm start`, at test size (as test/system/demo-model.spec.ts trains it).
// Two layers: the recipe's classifier, which the demo model trains, reads the last (h2).
const TINY_FOP = { dModel: 16, numHeads: 2, ffnUnits: 32, numLayers: 2 };
const TINY = { pretrainConfig: { model: TINY_FOP, epochs: 2, batchSize: 8, cropFrames: 60 } };

/**
 * A data directory as a first `npm start` leaves it (the demo corpus ingested, the demo model trained and at
 * `production`), made in-process at test size: the console's tests then start the platform on it as a returning
 * user does, and it finds everything in place and trains nothing.
 */
export async function prepareDemoDataDir(dataDir: string): Promise<void> {
  const platform = await openPlatform(
    loadPlatformConfig({
      env: { SER_DATA_DIR: dataDir, SER_SEED_DEMO: 'false', SER_LOG_LEVEL: 'warn', SER_METRICS_PORT: '0' },
      overrides: SERVICES.map((s) => `--ports.${s}=0`),
    }),
  );
  const system = await startAll(platform);
  try {
    await seedDemoCorpus(platform, { speakers: 4, utterancesPerEmotion: 2 });
    await trainDemoModel(platform, system.serviceAddresses, TINY);
  } finally {
    for (const s of [...system.stoppables].reverse()) await s.stop();
    await platform.close();
  }
}

/** A clip of the demo corpus (16 kHz WAV), for uploads. */
export function demoClip(dataDir: string): string {
  const dir = join(dataDir, 'corpora', DEMO_DATASET);
  const emotion = readdirSync(dir, { withFileTypes: true }).find((e) => e.isDirectory())!.name;
  const file = readdirSync(join(dir, emotion)).find((f) => f.endsWith('.wav'))!;
  return join(dir, emotion, file);
}

/** A WAV of at least `seconds` made of the demo corpus's clips one after another: long audio for the timeline. */
export function longClip(dataDir: string, seconds: number): Uint8Array {
  const dir = join(dataDir, 'corpora', DEMO_DATASET);
  const parts: Float32Array[] = [];
  let total = 0;
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) =>
      readdirSync(join(dir, e.name))
        .filter((f) => f.endsWith('.wav'))
        .map((f) => join(dir, e.name, f)),
    );
  let rate = 16_000;
  for (let i = 0; total < seconds * rate; i++) {
    const wav = decodeWav(readFileSync(files[i % files.length]!));
    rate = wav.sampleRate;
    parts.push(wav.samples);
    total += wav.samples.length;
  }
  const samples = new Float32Array(seconds * rate);
  let at = 0;
  for (const part of parts) {
    const take = Math.min(part.length, samples.length - at);
    samples.set(part.subarray(0, take), at);
    at += take;
  }
  return encodeWav(samples, rate);
}

export interface StartedPlatform {
  /** http://127.0.0.1:port/ : the console; the API at graphql. */
  baseUrl: string;
  adminToken: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** `npm start`'s entry point as a real process on free ports; resolves once it says the platform and the console are ready. */
export async function startPlatformProcess(dataDir: string, env: Record<string, string> = {}): Promise<StartedPlatform> {
  const ports: Record<string, number> = {};
  for (const s of SERVICES) ports[s] = await freePort();
  const args = ['--import', 'tsx', 'services/all-in-one/src/main.ts', ...SERVICES.map((s) => `--ports.${s}=${ports[s]}`)];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, SER_DATA_DIR: dataDir, SER_LOG_LEVEL: 'warn', SER_METRICS_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const ready = new Promise<void>((resolve, reject) => {
    // A stale console build runs first (about a minute on 2 cores); scripts/test.sh builds it before the tests.
    const timer = setTimeout(() => reject(new Error(`platform or console not ready in 180 s:\n${out}`)), 180_000);
    const check = () => {
      if (out.includes('SER platform ready') && out.includes('Web console: ')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited with ${code}:\n${out}`));
    });
  });
  // Never ready: the caller gets no handle to stop it with, so it is stopped here rather than left holding its ports.
  await ready.catch(async (err: Error) => {
    await terminate(child, 'SIGINT', 20_000);
    throw err;
  });
  return {
    baseUrl: `http://127.0.0.1:${ports.gateway}/`,
    // The operator's token when one is given (as the chart gives the gateway one), else the one a first start wrote.
    adminToken: env.SER_BOOTSTRAP_ADMIN_TOKEN ?? readFileSync(join(dataDir, 'admin.token'), 'utf8').trim(),
    output: () => out,
    stop: () => terminate(child, 'SIGINT', 20_000),
  };
}
