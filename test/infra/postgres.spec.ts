import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startPostgres, type RunningPostgres } from './postgres';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

// initdb + startup take seconds; more on a busy machine.
describe('startPostgres', { timeout: 60_000 }, () => {
  const started: RunningPostgres[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.stop()));
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  }, 60_000);

  it('starts a server that answers queries in its own database, and stop() shuts it down and removes the temp dir', async () => {
    const server = await startPostgres();
    started.push(server);
    expect(server.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/ser_test$/);
    expect(await query(server.url, 'select 1 as one, current_database() as db')).toEqual([{ one: 1, db: 'ser_test' }]);

    await server.stop();
    await server.stop(); // idempotent
    expect(existsSync(server.dataDir)).toBe(false);
    await expect(query(server.url, 'select 1')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('keeps a caller-provided data dir and reuses the cluster in it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ser-pg-spec-'));
    dirs.push(dataDir);
    const first = await startPostgres({ dataDir, database: 'kept' });
    started.push(first);
    await query(first.url, "create table marker (v text); insert into marker values ('still here')");
    await first.stop();
    expect(existsSync(join(dataDir, 'pgdata', 'PG_VERSION'))).toBe(true);

    const second = await startPostgres({ dataDir, database: 'kept' });
    started.push(second);
    expect(await query(second.url, 'select v from marker')).toEqual([{ v: 'still here' }]);
  });

  it('fails with the server log tail when the server cannot start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ser-pg-spec-'));
    dirs.push(dataDir);
    // Looks like a cluster (PG_VERSION), is not one: initdb is skipped and the server refuses to start.
    mkdirSync(join(dataDir, 'pgdata'), { mode: 0o700 });
    writeFileSync(join(dataDir, 'pgdata', 'PG_VERSION'), '99\n');
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dataDir]);
    await expect(startPostgres({ dataDir })).rejects.toThrow(/PostgreSQL exited during startup[\s\S]*Log tail:\n.*postgresql\.conf/);
  });
});
