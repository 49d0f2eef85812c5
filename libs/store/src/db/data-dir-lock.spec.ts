import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, LOCK_FILE, lockDataDir } from './data-dir-lock';
import { createPgliteDb } from './pglite-db';

const dirs: string[] = [];
const children: ChildProcess[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ser-lock-'));
  dirs.push(dir);
  return dir;
}
/** A live process that is not this one, to own a lock. */
function otherProcess(): number {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}

afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  it('writes this pid and removes the file on release', () => {
    const dir = freshDir();
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a folder another live process holds, naming it and its pid', () => {
    const dir = freshDir();
    const pid = otherProcess();
    writeFileSync(join(dir, LOCK_FILE), `${pid}\n`);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`${dir}.*pid ${pid}`));
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(pid));
  });

  it('takes over a lock whose process is gone', async () => {
    const dir = freshDir();
    const child = spawn('true');
    await new Promise((r) => child.on('exit', r));
    writeFileSync(join(dir, LOCK_FILE), `${child.pid}\n`);
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    release();
  });

  it('is counted within one process: the file stays until the last release', () => {
    const dir = freshDir();
    const first = lockDataDir(dir);
    const second = lockDataDir(dir);
    first();
    first();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    second();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});

describe('createPgliteDb on a folder another process uses', () => {
  it('fails before opening the database, and opens once the folder is free', async () => {
    const dir = freshDir();
    const pid = otherProcess();
    writeFileSync(join(dir, LOCK_FILE), `${pid}\n`);
    await expect(createPgliteDb({ dataDir: dir })).rejects.toBeInstanceOf(DataDirInUseError);
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
    const owner = children.pop()!;
    const exited = new Promise((r) => owner.on('exit', r));
    owner.kill('SIGKILL');
    await exited;
    const db = await createPgliteDb({ dataDir: dir });
    expect(await db.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
    await db.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  }, 120_000);
});
