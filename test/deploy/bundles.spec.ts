// The images' esbuild bundles (deploy/bundle/bundle-services.ts), built here and started the way the images start
// them: `node main.js` with no tsx and no TypeScript, until the bundle's own healthcheck.js gets grpc.health.v1
// SERVING (the gateway: GET /healthz answered 2xx).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, terminate } from '../infra/process';
import { REPO_ROOT } from './helm';

interface BundleResult {
  service: string;
  dir: string;
  outputs: Record<string, number>;
  externals: Record<string, string>;
  inputs: string[];
}
const SERVICE_BUNDLES = JSON.parse(readFileSync(join(REPO_ROOT, 'deploy/bundle/bundles.json'), 'utf8')) as Record<string, { workers?: string[] }>;
const SERVICES = Object.keys(SERVICE_BUNDLES);
const PORT_ENV: Record<string, string> = {
  features: 'SER_FEATURES_PORT',
  'fop-pretrainer': 'SER_FOP_PRETRAINER_PORT',
  'vqvae-pretrainer': 'SER_VQVAE_PRETRAINER_PORT',
  'classifier-trainer': 'SER_CLASSIFIER_TRAINER_PORT',
  inference: 'SER_INFERENCE_PORT',
  'model-registry': 'SER_MODEL_REGISTRY_PORT',
  gateway: 'SER_GATEWAY_PORT',
};
const STARTUP_TIMEOUT_MS = 240_000;

function databaseUrl(): string {
  const url = process.env.SER_TEST_DATABASE_URL;
  if (!url) throw new Error('SER_TEST_DATABASE_URL is not set: run this suite through npm test, which starts PostgreSQL');
  return url;
}

describe('service bundles', () => {
  const bundles = new Map<string, BundleResult>();
  const children: ChildProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'ser-bundles-'));

  beforeAll(async () => {
    // The bundler as the images run it (deploy/docker/*.Dockerfile), all services in one process.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'deploy/bundle/bundle-services.ts', '--json'], {
      cwd: REPO_ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    for (const result of JSON.parse(stdout) as BundleResult[]) bundles.set(result.service, result);
    expect([...bundles.keys()].sort()).toEqual([...SERVICES].sort());
  }, 300_000);

  afterAll(async () => {
    await Promise.all(children.map((c) => terminate(c, 'SIGTERM', 10_000)));
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('compiles no TypeScript tooling in, and needs none at run time', () => {
    for (const [service, b] of bundles) {
      expect(
        b.inputs.filter((f) => /node_modules\/(typescript|tsx|esbuild)\//.test(f)),
        service,
      ).toEqual([]);
      const pkg = JSON.parse(readFileSync(join(b.dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      for (const tool of ['typescript', 'tsx', 'esbuild', 'vitest']) expect(Object.keys(pkg.dependencies), service).not.toContain(tool);
      // Every external is pinned to the root package.json's exact version.
      for (const version of Object.values(b.externals)) expect(version, service).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('holds every worker thread its service starts, and the protos', () => {
    for (const [service, b] of bundles) {
      for (const worker of SERVICE_BUNDLES[service]!.workers ?? []) {
        const name = worker.split('/').at(-1)!.replace(/\.ts$/, '.js');
        expect(Object.keys(b.outputs), service).toContain(name);
      }
      expect(existsSync(join(b.dir, 'proto', 'ser', 'v1', 'common.proto')), service).toBe(true);
      expect(Object.keys(b.outputs), service).toEqual(expect.arrayContaining(['main.js', 'healthcheck.js']));
    }
  });

  it(
    'starts every service from its bundle alone, answering health',
    async () => {
      const ports = new Map<string, number>();
      for (const service of SERVICES) ports.set(service, await freePort());
      const addresses = Object.fromEntries(
        SERVICES.filter((s) => s !== 'gateway').map((s) => [PORT_ENV[s]!.replace('_PORT', '_ADDRESS'), `127.0.0.1:${ports.get(s)}`]),
      );
      // As the chart does: one shared service token secret (a service alone refuses to start without one).
      const serviceTokenSecret = randomBytes(32).toString('base64url');
      for (const service of SERVICES) {
        const env = {
          PATH: process.env.PATH ?? '',
          SER_SERVICE_TOKEN_SECRET: serviceTokenSecret,
          NODE_ENV: 'production',
          SER_DATA_DIR: join(dataDir, service),
          // The real PostgreSQL npm test starts (six PGlite instances at once are slow on two cores), a schema each.
          SER_STORE: 'postgres',
          SER_DATABASE_URL: databaseUrl(),
          SER_DATABASE_SCHEMA: `bundle_${service.replace(/-/g, '_')}_${process.pid}`,
          SER_SEED_DEMO: 'false',
          SER_METRICS_PORT: '0',
          SER_LOG_LEVEL: 'warn',
          SER_LOG_FORMAT: 'json',
          [PORT_ENV[service]!]: String(ports.get(service)),
          ...addresses,
        };
        const child = spawn(process.execPath, [join(bundles.get(service)!.dir, 'main.js')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
        child.on('exit', (code) => code && process.stderr.write(`${service} bundle exited ${code}:\n${stderr}\n`));
        children.push(child);
      }
      await Promise.all(SERVICES.map((service) => waitHealthy(service, bundles.get(service)!.dir, ports.get(service)!)));
    },
    STARTUP_TIMEOUT_MS + 30_000,
  );
});

/** Runs the bundle's own healthcheck.js, as the image's HEALTHCHECK does, until it exits 0. */
async function waitHealthy(service: string, dir: string, port: number): Promise<void> {
  const args = service === 'gateway' ? ['http', String(port), '/healthz'] : ['grpc', String(port)];
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline) {
    try {
      await promisify(execFile)(process.execPath, [join(dir, 'healthcheck.js'), ...args], { timeout: 10_000 });
      return;
    } catch (err) {
      last = (err as { stderr?: string }).stderr || (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${service} bundle not healthy on port ${port} after ${STARTUP_TIMEOUT_MS / 1000} s: ${last}`);
}
