// One process per embedded database folder. PGlite has no lock of its own (its postmaster.pid holds a fake pid),
// so two processes opening one folder both write its files and corrupt it — easy to do by starting a second
// `ser train` or `npm start` on the same --data-dir. A pid file, as PostgreSQL's own postmaster.pid, is enough
// here: one machine, and a lock left by a killed process is recognised by its dead pid and taken over.
// (proper-lockfile's mtime leases solve network filesystems, which an embedded default does not target.)
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'ser-platform.lock';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the data folder ${dataDir} is in use by another process (pid ${pid}); stop it or choose another data folder (--data-dir / SER_DATA_DIR)`);
    this.name = 'DataDirInUseError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const held = new Map<string, number>();

/**
 * Takes the folder's lock for this process and returns its release. Reentrant within one process (counted), so a
 * process that opens the folder twice keeps working as before; another live process gets DataDirInUseError.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  const count = held.get(path) ?? 0;
  if (count === 0) acquire(path, dataDir);
  held.set(path, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (held.get(path) ?? 1) - 1;
    if (left > 0) return void held.set(path, left);
    held.delete(path);
    rmSync(path, { force: true });
  };
}

function acquire(path: string, dataDir: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) throw new DataDirInUseError(dataDir, owner);
    // Stale (its process is gone) or unreadable: take it over once.
    rmSync(path, { force: true });
  }
  throw new Error(`could not take the lock ${path}`);
}
