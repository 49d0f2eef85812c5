import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMetadataStore } from '@ser/store';
import { freePort } from '../infra/process';
import { gql } from './graphql-client';

// Every platform this spec starts: a failed assertion must not leave one running (and holding its ports) after the run.
const started: ChildProcess[] = [];

const READY_TIMEOUT_MS = 180_000;
const SERVICES = ['features', 'fopPretrainer', 'vqvaePretrainer', 'classifierTrainer', 'inference', 'modelRegistry', 'gateway'];

/** `npm start`'s entry point as a real process, as a user runs it, on free ports and a temporary data dir. */
async function startPlatform(dataDir: string, ports: Record<string, number>): Promise<{ child: ChildProcess; output: () => string }> {
  const args = ['--import', 'tsx', 'services/all-in-one/src/main.ts', ...SERVICES.map((s) => `--ports.${s}=${ports[s]}`)];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, SER_DATA_DIR: dataDir, SER_LOG_LEVEL: 'warn', SER_SEED_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    // Generous: on a shared 2-core machine at load average ~19 a start took over a minute (its imports and a fresh PGlite).
    const timer = setTimeout(() => reject(new Error(`platform did not start in ${READY_TIMEOUT_MS / 1000} s:\n${out}`)), READY_TIMEOUT_MS);
    child.stdout!.on('data', () => {
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
  return { child, output: () => out };
}

function stopWithCtrlC(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

describe('npm start', () => {
  let dataDir: string;
  const ports: Record<string, number> = {};

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ser-start-'));
    for (const s of SERVICES) ports[s] = await freePort();
  });
  afterAll(() => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves every service, stops cleanly on Ctrl-C and keeps its data across restarts', { timeout: 2 * READY_TIMEOUT_MS + 60_000 }, async () => {
    const first = await startPlatform(dataDir, ports);
    const url = `http://127.0.0.1:${ports.gateway}/graphql`;
    const health = await gql<{ health: Array<{ service: string; status: string }> }>(url, '{ health { service status } }');
    expect(health.data!.health.map((h) => h.service).sort()).toEqual([
      'CLASSIFIER_TRAINER',
      'FEATURES',
      'FOP_PRETRAINER',
      'GATEWAY',
      'INFERENCE',
      'MODEL_REGISTRY',
      'VQVAE_PRETRAINER',
    ]);
    expect(health.data!.health.every((h) => h.status === 'SERVING')).toBe(true);
    expect(await stopWithCtrlC(first.child)).toBe(0);

    // While it is down, register a dataset in its PGlite directory; the next start must see it.
    const store = await openMetadataStore({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
    await store.datasets.registerVersion({ datasetName: 'kept', version: 'v1', format: 'urdu', sourceUri: '/x', utteranceCount: 1 });
    await store.close();

    const second = await startPlatform(dataDir, ports);
    try {
      const res = await gql<{ datasets: { edges: Array<{ node: { name: string } }> } }>(url, '{ datasets { edges { node { name } } } }');
      expect(res.data!.datasets.edges.map((e) => e.node.name)).toEqual(['kept']);
    } finally {
      expect(await stopWithCtrlC(second.child)).toBe(0);
    }
  });
});
