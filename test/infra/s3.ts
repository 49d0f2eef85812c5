// Starts a real S3-compatible server, S3Proxy over a temp directory, from the jar deploy/s3proxy/fetch.sh puts in
// deploy/s3proxy/lib. It checks AWS signatures (v2 and v4) with the credentials below, as S3 does. Nothing is mocked.
// (MinIO is AGPL-3.0, a licence this project does not take on; S3Proxy is Apache-2.0 and runs on the JVM Kafka needs.)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, once, terminate } from './process';

export interface StartS3Options {
  /** Progress lines (the server's own output goes to <dataDir>/s3proxy.log). */
  log?: (s: string) => void;
}

export interface RunningS3 {
  /** http://127.0.0.1:<port>, for S3Client's endpoint (path-style addressing). */
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** SIGTERM, then SIGKILL after a grace period; removes the temp data dir. Safe to call twice. */
  stop(): Promise<void>;
}

const JAR = fileURLToPath(new URL('../../deploy/s3proxy/lib/s3proxy-2.6.0-jar-with-dependencies.jar', import.meta.url));
const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 10_000;

export async function startS3(opts: StartS3Options = {}): Promise<RunningS3> {
  const log = opts.log ?? (() => {});
  if (!existsSync(JAR)) throw new Error('S3Proxy jar not found in deploy/s3proxy/lib: run `bash deploy/s3proxy/fetch.sh`');
  const dataDir = mkdtempSync(join(tmpdir(), 'ser-s3-'));
  const credentials = { accessKeyId: `test-${randomBytes(4).toString('hex')}`, secretAccessKey: randomBytes(16).toString('hex') };
  try {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const files = writeConfig(dataDir, endpoint, credentials);
    const started = Date.now();
    log(`s3: starting S3Proxy on ${endpoint} (data ${dataDir})`);
    const child = launch(files);
    try {
      await waitUntilReady(port, child, files.logFile);
    } catch (err) {
      await terminate(child, 'SIGTERM', STOP_GRACE_MS);
      throw err;
    }
    log(`s3: ready at ${endpoint} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return {
      endpoint,
      ...credentials,
      stop: once(async () => {
        await terminate(child, 'SIGTERM', STOP_GRACE_MS);
        rmSync(dataDir, { recursive: true, force: true });
      }),
    };
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

function writeConfig(dir: string, endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }) {
  const files = { properties: join(dir, 's3proxy.conf'), blobs: join(dir, 'blobs'), logFile: join(dir, 's3proxy.log') };
  mkdirSync(files.blobs);
  const properties = {
    's3proxy.endpoint': endpoint,
    's3proxy.authorization': 'aws-v2-or-v4',
    's3proxy.identity': credentials.accessKeyId,
    's3proxy.credential': credentials.secretAccessKey,
    'jclouds.provider': 'filesystem',
    'jclouds.filesystem.basedir': files.blobs,
  };
  writeFileSync(
    files.properties,
    Object.entries(properties)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n') + '\n',
  );
  return files;
}

function launch(files: { properties: string; logFile: string }): ChildProcess {
  const out = openSync(files.logFile, 'a');
  // Two cores and a handful of test objects: a small heap and the serial collector are plenty.
  const args = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-jar', JAR, '--properties', files.properties];
  const child = spawn('java', args, { stdio: ['ignore', out, out] });
  closeSync(out);
  // A test runner that dies without calling stop() must not leave a JVM holding a port.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  return child;
}

/** Ready when it answers HTTP at all: an unsigned request gets 403 from a server that checks signatures. */
async function waitUntilReady(port: number, child: ChildProcess, logFile: string): Promise<void> {
  let spawnError: Error | null = null;
  child.once('error', (err) => (spawnError = err));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (spawnError) throw spawnError;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`S3Proxy exited during startup (code ${child.exitCode}, signal ${child.signalCode}). Log tail:\n${tail(logFile)}`);
    }
    const status = await new Promise<number | null>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/', timeout: 1000 }, (res) => {
        res.resume();
        resolve(res.statusCode ?? null);
      });
      req.on('error', () => resolve(null));
      req.on('timeout', () => req.destroy());
      req.end();
    });
    if (status === 403) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`S3Proxy on port ${port} not ready after ${READY_TIMEOUT_MS / 1000} s. Log tail:\n${tail(logFile)}`);
}

function tail(path: string, lines = 30): string {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n') : '';
}
