// Contract for a run's display and model names (columns since migration 3); part of storeContract (store.contract.ts).
import { describe, expect, it } from 'vitest';
import { unique } from './contract-helpers';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { runNames } from './migrations/0003-run-names';
import { migrationSchema, openDb, type MetadataStore, type MetadataStoreConfig } from './metadata-store';
import { RunRepository } from './repositories/runs';

export function runNamesContract(getStore: () => MetadataStore, fresh: () => Promise<MetadataStoreConfig>): void {
  describe('run names', () => {
    it('keeps display and model names beside the config and lineage, through claim, update and list', async () => {
      const store = getStore();
      const kind = unique('named');
      const run = await store.runs.create({
        kind,
        config: { method: 'fop-fine-tune' },
        lineage: { datasetVersionIds: ['dv'] },
        displayName: 'my run',
        modelName: 'my-model',
      });
      expect(run).toMatchObject({ displayName: 'my run', modelName: 'my-model', config: { method: 'fop-fine-tune' }, lineage: { datasetVersionIds: ['dv'] } });
      expect(await store.runs.get(run.id)).toEqual(run);
      expect(await store.runs.claimNext(kind, 'worker')).toMatchObject({ displayName: 'my run', modelName: 'my-model' });
      const done = await store.runs.update(run.id, { status: 'succeeded', lineage: { modelArtifactKey: 'models/k' } });
      expect(done).toMatchObject({ displayName: 'my run', modelName: 'my-model', lineage: { datasetVersionIds: ['dv'], modelArtifactKey: 'models/k' } });
      expect((await store.runs.list({ kind })).edges.map((e) => [e.node.displayName, e.node.modelName])).toEqual([['my run', 'my-model']]);
    });

    it('stores an empty or absent name as none', async () => {
      const store = getStore();
      expect(await store.runs.create({ kind: unique('unnamed'), displayName: '', modelName: '' })).toMatchObject({ displayName: null, modelName: null });
      expect(await store.runs.create({ kind: unique('unnamed') })).toMatchObject({ displayName: null, modelName: null });
    });

    it('moves the names older rows kept in config (displayName) and lineage (modelName) into the columns', async () => {
      const config = await fresh();
      const db = await openDb(config);
      try {
        const schema = migrationSchema(config);
        await migrate(db, { schema, migrations: MIGRATIONS.filter((m) => m.version < runNames.version) });
        const old = {
          classifier: [
            { method: 'fop-fine-tune', displayName: 'old run' },
            { datasetVersionIds: ['dv'], modelName: 'old-model' },
          ],
          pretrain: [{ epochs: 3, displayName: 'pre-training' }, { datasetVersionIds: ['dv'] }],
          inConfig: [{ modelName: 'from-config' }, {}],
          empty: [{ displayName: '' }, { modelName: '' }],
          plain: [{ epochs: 1 }, { checkpointId: 'c' }],
        };
        for (const [id, [cfg, lineage]] of Object.entries(old)) {
          await db.query("INSERT INTO runs (id, kind, config, lineage) VALUES ($1, 'classifier', $2::jsonb, $3::jsonb)", [
            id,
            JSON.stringify(cfg),
            JSON.stringify(lineage),
          ]);
        }
        expect(await migrate(db, { schema })).toEqual([`${runNames.version}-${runNames.name}`]);

        const runs = new RunRepository(db);
        const read = async (id: string) => {
          const r = (await runs.get(id))!;
          return { displayName: r.displayName, modelName: r.modelName, config: r.config, lineage: r.lineage };
        };
        expect(await read('classifier')).toEqual({
          displayName: 'old run',
          modelName: 'old-model',
          config: { method: 'fop-fine-tune' },
          lineage: { datasetVersionIds: ['dv'] },
        });
        expect(await read('pretrain')).toEqual({ displayName: 'pre-training', modelName: null, config: { epochs: 3 }, lineage: { datasetVersionIds: ['dv'] } });
        expect(await read('inConfig')).toEqual({ displayName: null, modelName: 'from-config', config: {}, lineage: {} });
        expect(await read('empty')).toEqual({ displayName: null, modelName: null, config: {}, lineage: {} });
        expect(await read('plain')).toEqual({ displayName: null, modelName: null, config: { epochs: 1 }, lineage: { checkpointId: 'c' } });
      } finally {
        await db.close();
      }
    });
  });
}
