// The behaviour every MetadataStore backend must have. pglite-store.spec.ts and postgres-store.spec.ts run it;
// a backend passes only if it passes all of it. Tests share one store per suite and keep to their own names.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPages, expectStoreError, unique } from './contract-helpers';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { openMetadataStore, type MetadataStore, type MetadataStoreConfig } from './metadata-store';
import { runNamesContract } from './run-names.contract';
import { runsAndModelsContract } from './runs-models.contract';

/** A location for a new, empty store. persistent: the test will close and reopen it and expects its data back. */
export type FreshStore = (opts: { persistent: boolean }) => Promise<MetadataStoreConfig>;

// Opening PGlite compiles WASM and runs initdb: seconds, on a busy two-core machine tens of seconds.
const SLOW_MS = 120_000;

export function storeContract(name: string, fresh: FreshStore): void {
  describe(`MetadataStore contract: ${name}`, { timeout: SLOW_MS }, () => {
    let store: MetadataStore;
    beforeAll(async () => {
      store = await openMetadataStore(await fresh({ persistent: false }));
    }, SLOW_MS);
    afterAll(async () => {
      await store?.close();
    });

    describe('migrations', () => {
      it('are recorded once each, and running them again applies nothing', async () => {
        expect(await migrate(store.db)).toEqual([]);
        const rows = await store.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      });

      it('roll back entirely when one fails', async () => {
        const broken = { version: 9999, name: 'broken', sql: 'CREATE TABLE half_done (a int); SELECT * FROM no_such_table;' };
        await expect(migrate(store.db, { migrations: [...MIGRATIONS, broken] })).rejects.toThrow(/no_such_table/);
        const tables = await store.db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
        expect(tables).toEqual([]);
        expect(await store.db.query('SELECT 1 FROM schema_migrations WHERE version = 9999')).toEqual([]);
      });

      it('refuse a list that is not in increasing version order', async () => {
        const [first] = MIGRATIONS;
        const twice = [first!, { ...first!, name: 'again' }];
        await expect(migrate(store.db, { migrations: twice })).rejects.toThrow(/increasing/);
      });

      it('a reopened store keeps its data and applies nothing new', async () => {
        const config = await fresh({ persistent: true });
        const first = await openMetadataStore(config);
        const run = await first.runs.create({ kind: 'persisted', config: { lr: 0.001 } });
        await first.datasets.registerVersion({ datasetName: 'kept', version: 'h1', format: 'wav-dir', sourceUri: 'file:///x', utteranceCount: 0 });
        await first.close();

        const second = await openMetadataStore(config);
        try {
          expect(await migrate(second.db)).toEqual([]);
          expect(await second.runs.get(run.id)).toEqual(run);
          expect((await second.datasets.latestVersion('kept'))?.version).toBe('h1');
        } finally {
          await second.close();
        }
      });
    });

    describe('transactions', () => {
      it('commit together, roll back on throw, and nest as savepoints', async () => {
        const kind = unique('tx');
        await expect(
          store.transaction(async (tx) => {
            await tx.runs.create({ kind });
            throw new Error('abort');
          }),
        ).rejects.toThrow('abort');
        expect((await store.runs.list({ kind })).totalCount).toBe(0);

        await store.transaction(async (tx) => {
          await tx.runs.create({ kind, config: { outer: true } });
          // The FK violation aborts only the nested transaction (a savepoint); the outer one goes on.
          const orphan = { utteranceId: 'u', path: 'u.wav', durationS: 1, contentHash: 'h' };
          await expect(tx.datasets.addUtterances('no-such-version', [orphan])).rejects.toThrow();
          await tx.runs.create({ kind, config: { after: true } });
        });
        expect((await store.runs.list({ kind })).totalCount).toBe(2);
      });

      it('refuse text PostgreSQL cannot hold (NUL) as INVALID_ARGUMENT, in a transaction or not', async () => {
        await expectStoreError(store.datasets.get('a\u0000b'), 'INVALID_ARGUMENT');
        await expectStoreError(store.runs.create({ kind: unique('nul'), config: { note: 'x\u0000' } }), 'INVALID_ARGUMENT');
        await expectStoreError(
          store.transaction((tx) => tx.runs.get('\u0000')),
          'INVALID_ARGUMENT',
        );
      });
    });

    describe('datasets', () => {
      const newVersion = (datasetName: string, version: string) => ({
        datasetName,
        version,
        format: 'iemocap',
        sourceUri: `file:///corpora/${datasetName}`,
        utteranceCount: 3,
        labelMap: { exc: 'happy', hap: 'happy' },
        classCounts: { happy: 2, sad: 1 },
        speakerCounts: { Ses01F: 3 },
        ingestionReport: { skipped: [], warnings: ['2 files resampled'] },
      });

      it('registers a version once per (name, content hash), even when registered concurrently', async () => {
        const name = unique('ds');
        const results = await Promise.all([1, 2, 3].map(() => store.datasets.registerVersion(newVersion(name, 'sha-a'))));
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(results.map((r) => r.version.id)).size).toBe(1);
        const again = await store.datasets.registerVersion(newVersion(name, 'sha-a'));
        expect(again).toEqual({ created: false, version: results[0]!.version });
        expect(again.version).toMatchObject({ labelMap: { exc: 'happy' }, classCounts: { happy: 2, sad: 1 }, utteranceCount: 3 });

        const next = await store.datasets.registerVersion(newVersion(name, 'sha-b'));
        expect(next.created).toBe(true);
        expect((await store.datasets.latestVersion(name))?.id).toBe(next.version.id);
        expect(await store.datasets.getVersion(next.version.id)).toEqual(next.version);
        expect(await store.datasets.findVersion(name, 'sha-a')).toEqual(results[0]!.version);
        expect(await store.datasets.latestVersion(unique('none'))).toBeNull();
        expect((await store.datasets.get(name))?.name).toBe(name);
        expect(await store.datasets.get(unique('none'))).toBeNull();
      });

      it('pages versions newest first and datasets by name', async () => {
        const name = unique('ds');
        const ids: string[] = [];
        for (let i = 0; i < 5; i++) ids.push((await store.datasets.registerVersion(newVersion(name, `h${i}`))).version.id);
        const { nodes, pages } = await collectPages((args) => store.datasets.listVersions(name, args), 2);
        expect(pages).toBe(3);
        expect(nodes.map((v) => v.id)).toEqual([...ids].reverse());

        const all = await collectPages((args) => store.datasets.list(args), 3);
        const names = all.nodes.map((d) => d.name);
        expect(names).toContain(name);
        expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      });

      it('adds utterances in batches, upserts repeats, and pages them by id with filters', async () => {
        const { version } = await store.datasets.registerVersion(newVersion(unique('ds'), 'big'));
        const utterances = Array.from({ length: 1203 }, (_, i) => ({
          utteranceId: `utt-${String(i).padStart(5, '0')}`,
          path: `wav/${i}.wav`,
          durationS: 1 + i / 100,
          label: i % 3 === 0 ? 'sad' : 'happy',
          speaker: `spk${i % 10}`,
          contentHash: `hash-${i}`,
          split: i % 5 === 0 ? 'test' : 'train',
        }));
        expect(await store.datasets.addUtterances(version.id, utterances)).toBe(1203);
        expect(await store.datasets.addUtterances(version.id, [{ ...utterances[7]!, featuresKey: 'shards/0.bin' }])).toBe(1);

        const { nodes, pages } = await collectPages((args) => store.datasets.listUtterances(version.id, args), 500);
        expect(pages).toBe(3);
        expect(nodes.map((u) => u.utteranceId)).toEqual(utterances.map((u) => u.utteranceId));
        expect(nodes[7]).toEqual({ ...utterances[7], featuresKey: 'shards/0.bin', session: null, gender: null });
        expect(nodes[8]!.featuresKey).toBeNull();

        expect(await store.datasets.findUtterance(version.id, 'utt-00007')).toEqual(nodes[7]);
        expect(await store.datasets.findUtterance(version.id, 'utt-99999')).toBeNull();
        expect(await store.datasets.findUtterance('00000000-0000-0000-0000-000000000000', 'utt-00007')).toBeNull();

        const sadTest = await store.datasets.listUtterances(version.id, { first: 1000 }, { label: 'sad', split: 'test' });
        const expected = utterances.filter((u) => u.label === 'sad' && u.split === 'test');
        expect(sadTest.totalCount).toBe(expected.length);
        expect(sadTest.edges.map((e) => e.node.utteranceId)).toEqual(expected.map((u) => u.utteranceId));

        await expectStoreError(store.datasets.addUtterances(version.id, [utterances[0]!, utterances[0]!]), 'INVALID_ARGUMENT');
      });

      it('refuses malformed cursors, cursors of another listing and page sizes out of range', async () => {
        const name = unique('ds');
        await store.datasets.registerVersion(newVersion(name, 'a'));
        await store.datasets.registerVersion(newVersion(name, 'b'));
        const page = await store.datasets.listVersions(name, { first: 1 });
        expect(page.pageInfo.hasNextPage).toBe(true);
        await expectStoreError(store.datasets.listVersions(name, { after: 'not-a-cursor' }), 'INVALID_ARGUMENT');
        await expectStoreError(store.runs.list({}, { after: page.pageInfo.endCursor }), 'INVALID_ARGUMENT');
        await expectStoreError(store.datasets.listVersions(name, { first: -1 }), 'INVALID_ARGUMENT');
        await expectStoreError(store.datasets.listVersions(name, { first: 1.5 }), 'INVALID_ARGUMENT');
        const empty = await store.datasets.listVersions(name, { first: 0 });
        expect(empty).toEqual({ edges: [], pageInfo: { hasNextPage: true, endCursor: null }, totalCount: 2 });
      });
    });

    runsAndModelsContract(() => store);
    runNamesContract(
      () => store,
      () => fresh({ persistent: false }),
    );

    describe('processed events', () => {
      it('marks an event processed once per consumer, even when marked concurrently', async () => {
        const eventId = randomUUID();
        const results = await Promise.all([1, 2, 3, 4, 5].map(() => store.processedEvents.markProcessed('features', eventId)));
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.processedEvents.markProcessed('features', eventId)).toBe(false);
        expect(await store.processedEvents.isProcessed('features', eventId)).toBe(true);
        expect(await store.processedEvents.markProcessed('inference', eventId)).toBe(true);
      });

      it('forgets the mark when the transaction that stored the effect rolls back', async () => {
        const eventId = randomUUID();
        await expect(
          store.transaction(async (tx) => {
            expect(await tx.processedEvents.markProcessed('trainer', eventId)).toBe(true);
            throw new Error('effect failed');
          }),
        ).rejects.toThrow('effect failed');
        expect(await store.processedEvents.isProcessed('trainer', eventId)).toBe(false);
        expect(await store.processedEvents.markProcessed('trainer', eventId)).toBe(true);
      });
    });
  });
}
