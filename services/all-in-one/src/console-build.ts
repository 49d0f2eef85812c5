import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The web console's project: sources in, `vite build` output in dist/. */
export const CONSOLE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../console');
export const CONSOLE_DIST = join(CONSOLE_DIR, 'dist');
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'package.json'];
// A build that holds the lock longer than this has died; the next start takes over.
const STALE_LOCK_MS = 10 * 60_000;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** True when dist/ is missing or older than any console source (a pull or an edit since the last build). */
export function consoleBuildIsStale(dir = CONSOLE_DIR): boolean {
  const index = join(dir, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  return Math.max(...SOURCES.map((s) => newestMtime(join(dir, s)))) > statSync(index).mtimeMs;
}

function runVite(outDir: string): Promise<void> {
  // vite's package exports do not list its bin; find it beside its package.json.
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const child = spawn(process.execPath, [vite, 'build', '--config', join(CONSOLE_DIR, 'vite.config.ts'), '--outDir', outDir, '--logLevel', 'warn'], {
      cwd: CONSOLE_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`vite build exited with ${code}:\n${output}`))));
  });
}

/**
 * `npm start` serves the console from dist/, so a fresh clone (no dist/) or a changed source builds it first, once.
 * The build runs in its own process (vite's memory never stays in the platform's) into a temporary directory that
 * replaces dist/ only when complete; a lock directory keeps concurrent starts (tests start several platforms) from
 * building it twice at once: the others wait and use the result.
 */
export async function ensureConsoleBuilt(report: (line: string) => void = () => {}): Promise<string> {
  if (!consoleBuildIsStale()) return CONSOLE_DIST;
  const lock = join(CONSOLE_DIR, '.dist.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
      if (!consoleBuildIsStale()) return CONSOLE_DIST;
    }
  }
  try {
    if (!consoleBuildIsStale()) return CONSOLE_DIST;
    report('building the web console (once per change of its sources)...');
    const started = Date.now();
    const staging = join(CONSOLE_DIR, `.dist-${process.pid}`);
    await runVite(staging);
    rmSync(CONSOLE_DIST, { recursive: true, force: true });
    renameSync(staging, CONSOLE_DIST);
    report(`web console built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return CONSOLE_DIST;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
