import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresDb } from './db/postgres-db';
import { MIGRATIONS } from './migrations';
import { openMetadataStore, type MetadataStoreConfig } from './metadata-store';
import { storeContract } from './store.contract';

// `npm test` starts a PostgreSQL server and exports this; run `deploy/postgres/start.sh` to get one by hand.
function databaseUrl(): string {
  const url = process.env.SER_TEST_DATABASE_URL;
  if (!url) throw new Error('SER_TEST_DATABASE_URL is not set: these tests need a real PostgreSQL server (npm test starts one)');
  return url;
}

// Every store gets its own schema in the shared test database, dropped at the end.
const schemas: string[] = [];
function freshSchema(): MetadataStoreConfig {
  const schema = `store_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  schemas.push(schema);
  return { kind: 'postgres', url: databaseUrl(), schema };
}

afterAll(async () => {
  if (schemas.length === 0) return;
  const db = createPostgresDb({ connectionString: databaseUrl() });
  try {
    for (const schema of schemas) await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await db.close();
  }
});

storeContract('PostgreSQL', async () => freshSchema());

describe('PostgreSQL store across processes', { timeout: 60_000 }, () => {
  it('two processes migrating one database at once apply each migration exactly once', async () => {
    const config = freshSchema();
    // Separate pools are separate server sessions, as two service replicas starting together would be.
    const stores = await Promise.all([openMetadataStore(config), openMetadataStore(config), openMetadataStore(config)]);
    try {
      const rows = await stores[0]!.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('a run claimed from two processes at once has exactly one owner', async () => {
    const config = freshSchema();
    const a = await openMetadataStore(config);
    const b = await openMetadataStore(config);
    try {
      for (let round = 0; round < 5; round++) {
        const run = await a.runs.create({ kind: 'classifier' });
        const claims = await Promise.all([a.runs.claim(run.id, 'replica-a'), b.runs.claim(run.id, 'replica-b')]);
        const owners = claims.filter((c) => c !== null).map((c) => c.claimedBy);
        expect(owners).toHaveLength(1);
        expect((await b.runs.get(run.id))?.claimedBy).toBe(owners[0]);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
