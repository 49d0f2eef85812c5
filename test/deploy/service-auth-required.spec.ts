// A service started on its own (its main.ts, as an image runs it) outside npm start and the chart: without a
// service token secret it must not quietly serve every mutating RPC to any caller. It refuses with one line unless
// SER_SERVICE_AUTH=off says so explicitly.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import { serviceAuthRefusal } from '@ser/runtime';
import { terminate } from '../infra/process';
import { REPO_ROOT } from './helm';

/** Every service that serves mutating RPCs, by its standalone entry. */
const MAINS = ['features', 'fop-pretrainer', 'vqvae-pretrainer', 'classifier-trainer', 'inference', 'model-registry'];
const START_TIMEOUT_MS = 90_000;
const dataDir = mkdtempSync(join(tmpdir(), 'ser-auth-required-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** process.env without any service-auth setting (vitest's own SER_SERVICE_AUTH=off included), plus `extra`. */
function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['SER_SERVICE_AUTH', 'SER_SERVICE_TOKEN_SECRET', 'SER_CONFIG']) delete env[name];
  return { ...env, SER_DATA_DIR: dataDir, SER_SEED_DEMO: 'false', SER_METRICS_PORT: '0', SER_LOG_FORMAT: 'json', SER_LOG_LEVEL: 'info', ...extra };
}

/** Runs a service's main until it exits or logs `readyLine`; what it wrote and how it ended. */
function runMain(service: string, env: NodeJS.ProcessEnv, readyLine?: string): Promise<{ code: number | null; stderr: string; ready: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'services', service, 'src', 'main.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let ready = false;
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => (child.kill('SIGKILL'), reject(new Error(`${service} neither exited nor started in time:\n${stdout}${stderr}`))),
      START_TIMEOUT_MS,
    );
    child.stdout!.on('data', (d) => {
      stdout += d;
      if (!ready && readyLine && stdout.includes(readyLine)) {
        ready = true;
        void terminate(child, 'SIGTERM', 20_000).catch(reject);
      }
    });
    child.once('exit', (code) => (clearTimeout(timer), resolve({ code, stderr, ready })));
  });
}

describe('service auth is a decision, not a default', () => {
  it('refuses a config without a secret, and accepts one with a secret or with SER_SERVICE_AUTH=off', () => {
    expect(serviceAuthRefusal(loadPlatformConfig({ env: {} }))).toMatch(/^no service token secret: set SER_SERVICE_TOKEN_SECRET .* or SER_SERVICE_AUTH=off/);
    expect(serviceAuthRefusal(loadPlatformConfig({ env: { SER_SERVICE_TOKEN_SECRET: 'k'.repeat(32) } }))).toBeUndefined();
    expect(serviceAuthRefusal(loadPlatformConfig({ env: { SER_SERVICE_AUTH: 'off' } }))).toBeUndefined();
    // A secret is enforced even beside 'off': nothing configured to protect is dropped silently.
    expect(loadPlatformConfig({ env: { SER_SERVICE_AUTH: 'off', SER_SERVICE_TOKEN_SECRET: 'k'.repeat(32) } }).serviceAuth.secret).toBe('k'.repeat(32));
    expect(() => loadPlatformConfig({ env: { SER_SERVICE_AUTH: 'none' } })).toThrow(/serviceAuth\.mode/);
  });

  it(
    'makes every standalone service main exit 1 with one line naming the settings, before it opens anything',
    async () => {
      const runs = await Promise.all(MAINS.map((service) => runMain(service, envWith({}))));
      for (const [i, { code, stderr, ready }] of runs.entries()) {
        expect({ service: MAINS[i], code, ready }).toEqual({ service: MAINS[i], code: 1, ready: false });
        expect(
          stderr
            .trim()
            .split('\n')
            .filter((l) => !l.startsWith('npm warn')),
        ).toEqual([
          `${MAINS[i]}: no service token secret: set SER_SERVICE_TOKEN_SECRET (32+ characters, shared by every service) or SER_SERVICE_AUTH=off to serve mutating RPCs to any caller`,
        ]);
      }
    },
    START_TIMEOUT_MS + 30_000,
  );

  it(
    'serves with SER_SERVICE_AUTH=off set explicitly',
    async () => {
      const run = await runMain('model-registry', envWith({ SER_SERVICE_AUTH: 'off', SER_MODEL_REGISTRY_PORT: '0' }), 'grpc server listening');
      expect(run).toMatchObject({ ready: true, code: 0 });
    },
    START_TIMEOUT_MS + 30_000,
  );
});
