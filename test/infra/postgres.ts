// Starts a real PostgreSQL server from the distribution's binaries (Debian: package `postgresql`) in a private
// directory on a free loopback port. Tests and `npm test` use it; nothing is mocked.
// Also a CLI for humans (deploy/postgres/start.sh): `npx tsx test/infra/postgres.ts [--port N] [--data-dir DIR]`.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { freePort, once, terminate } from './process';

export interface StartPostgresOptions {
  /** Where the cluster lives; a temp dir (removed on stop) when absent. A cluster already there is reused and kept. */
  dataDir?: string;
  /** Loopback port; a free one when absent. */
  port?: number;
  /** Database created for the caller (the URL points at it). Default `ser_test`. */
  database?: string;
  /** Progress lines (the server's own log goes to <dataDir>/postgres.log). */
  log?: (s: string) => void;
}

export interface RunningPostgres {
  /** postgres://postgres@127.0.0.1:<port>/<database>, trust authentication. */
  url: string;
  /** The directory holding the cluster (pgdata/), its socket and postgres.log. */
  dataDir: string;
  /** Fast shutdown (SIGINT), then removal of the temp dir it created. Safe to call twice. */
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 15_000;
// SIGINT is PostgreSQL's fast shutdown (abort transactions, checkpoint, exit); SIGKILL only if it hangs.
const STOP_SIGNAL = 'SIGINT';

// Durability is worthless for throwaway test clusters and costs seconds per suite.
const SERVER_SETTINGS = {
  listen_addresses: '127.0.0.1',
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '200',
  max_wal_size: '1GB',
  checkpoint_timeout: '30min',
  log_min_messages: 'warning',
};

export async function startPostgres(opts: StartPostgresOptions = {}): Promise<RunningPostgres> {
  const log = opts.log ?? (() => {});
  const bin = findBinDir();
  const owner = runAsOwner();
  const ownsRoot = !opts.dataDir;
  const root = opts.dataDir ? resolve(opts.dataDir) : mkdtempSync(join(tmpdir(), 'ser-postgres-'));
  const files = { root, pgdata: join(root, 'pgdata'), socketDir: join(root, 'socket'), logFile: join(root, 'postgres.log') };
  try {
    mkdirSync(files.socketDir, { recursive: true });
    if (owner) for (const p of [root, files.socketDir]) chownSync(p, owner.uid, owner.gid);
    if (!existsSync(join(files.pgdata, 'PG_VERSION'))) {
      log(`postgres: initdb in ${files.pgdata}`);
      initdb(bin, files.pgdata, owner);
    }
    // A free port can be taken between probing and the server binding it; try fresh ones then.
    for (let attempt = 1; ; attempt++) {
      const port = opts.port ?? (await freePort());
      const started = Date.now();
      log(`postgres: starting on 127.0.0.1:${port}`);
      const child = launch(bin, files, port, owner);
      try {
        await waitUntilReady(port, child, files.logFile);
      } catch (err) {
        await terminate(child, STOP_SIGNAL, STOP_GRACE_MS);
        if (attempt < 3 && !opts.port && /already in use/.test(tail(files.logFile))) continue;
        throw err;
      }
      const database = opts.database ?? 'ser_test';
      await ensureDatabase(port, database);
      log(`postgres: ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
      return { url, dataDir: root, stop: once(() => stopServer(child, ownsRoot ? root : null)) };
    }
  } catch (err) {
    if (ownsRoot) rmSync(root, { recursive: true, force: true });
    throw err;
  }
}

/** `pg_config --bindir` when it points at a server, else the newest /usr/lib/postgresql/<major>/bin. */
export function findBinDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // pg_config comes with the client package; its absence says nothing about the server.
  }
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const majors = readdirSync(debianRoot)
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...majors.map((m) => join(debianRoot, m, 'bin')));
  }
  const found = candidates.find((dir) => existsSync(join(dir, 'postgres')) && existsSync(join(dir, 'initdb')));
  if (!found) throw new Error('PostgreSQL server not found (looked in `pg_config --bindir` and /usr/lib/postgresql/*/bin): apt-get install postgresql');
  return found;
}

interface Owner {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root, so under root the server runs as the `postgres` system user. */
function runAsOwner(): Owner | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(`running as root, but there is no '${SUPERUSER}' system user to run the server as (Debian's postgresql package creates it)`);
  }
}

function initdb(bin: string, pgdata: string, owner: Owner | null): void {
  const args = ['-D', pgdata, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'];
  try {
    execFileSync(join(bin, 'initdb'), args, { ...(owner ?? {}), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`initdb failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

function launch(bin: string, files: { pgdata: string; socketDir: string; logFile: string; root: string }, port: number, owner: Owner | null): ChildProcess {
  const settings = Object.entries(SERVER_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const args = ['-D', files.pgdata, '-p', String(port), '-k', files.socketDir, ...settings];
  const out = openSync(files.logFile, 'a');
  if (owner) chownSync(files.logFile, owner.uid, owner.gid);
  const child = spawn(join(bin, 'postgres'), args, { ...(owner ?? {}), cwd: files.root, stdio: ['ignore', out, out] });
  closeSync(out);
  // A test runner that dies without calling stop() must not leave a server holding a port.
  // SIGQUIT is PostgreSQL's immediate shutdown: the postmaster takes its backends down with it.
  const killOnExit = () => child.kill('SIGQUIT');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  return child;
}

async function waitUntilReady(port: number, child: ChildProcess, logFile: string): Promise<void> {
  let spawnError: Error | null = null;
  child.once('error', (err) => (spawnError = err));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = 'no attempt yet';
  while (Date.now() < deadline) {
    if (spawnError) throw spawnError;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`PostgreSQL exited during startup (code ${child.exitCode}, signal ${child.signalCode}). Log tail:\n${tail(logFile)}`);
    }
    const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres', connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (err) {
      lastError = (err as Error).message;
    } finally {
      await client.end().catch(() => {});
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`PostgreSQL on port ${port} not ready after ${READY_TIMEOUT_MS / 1000} s (last error: ${lastError}). Log tail:\n${tail(logFile)}`);
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function tail(logFile: string, lines = 40): string {
  return existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)';
}

async function stopServer(child: ChildProcess, tempDir: string | null): Promise<void> {
  await terminate(child, STOP_SIGNAL, STOP_GRACE_MS);
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}

/** CLI: start, print the URL, stop on Ctrl-C / SIGTERM. */
async function main(argv: string[]): Promise<void> {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const port = flag('--port');
  const server = await startPostgres({
    dataDir: flag('--data-dir'),
    port: port ? Number(port) : undefined,
    database: flag('--database'),
    log: (s) => console.error(s),
  });
  console.log(`SER_TEST_DATABASE_URL=${server.url}`);
  const shutdown = () => void server.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
