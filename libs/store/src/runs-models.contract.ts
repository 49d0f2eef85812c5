// Contract for runs, checkpoints, models and predictions; part of storeContract (store.contract.ts).
import { describe, expect, it } from 'vitest';
import { collectPages, expectStoreError, unique } from './contract-helpers';
import type { MetadataStore } from './metadata-store';

/** Waits until the wall clock is past `date`, so rows written next are strictly later than it. */
async function clockPast(date: Date): Promise<void> {
  while (Date.now() <= date.getTime()) await new Promise((r) => setTimeout(r, 1));
}

export function runsAndModelsContract(getStore: () => MetadataStore): void {
  describe('runs', () => {
    it('keeps a lineage whose named keys have their types, and refuses a mistyped one (RunLineage)', async () => {
      const store = getStore();
      const run = await store.runs.create({ kind: 'classifier', lineage: { datasetVersionIds: ['dv'], modelName: 'my-model', extra: 1 } });
      expect((await store.runs.get(run.id))!.lineage).toEqual({ datasetVersionIds: ['dv'], modelName: 'my-model', extra: 1 });
      await expect(store.runs.update(run.id, { lineage: { checkpointId: 3 as unknown as string } })).rejects.toThrow(/checkpointId/);
      await expect(store.runs.create({ kind: 'classifier', lineage: { datasetVersionIds: 'dv' as unknown as string[] } })).rejects.toThrow(/datasetVersionIds/);
      expect((await store.runs.get(run.id))!.lineage).toEqual({ datasetVersionIds: ['dv'], modelName: 'my-model', extra: 1 });
    });

    it('create, get and update: status stamps start and finish, metrics and lineage merge', async () => {
      const store = getStore();
      const run = await store.runs.create({ kind: 'fop-pretrain', config: { layers: 4 }, lineage: { dataset: 'ds@1' } });
      expect(run).toMatchObject({ status: 'queued', progress: 0, attempt: 0, claimedBy: null, startedAt: null, finishedAt: null, error: null });
      expect(await store.runs.get(run.id)).toEqual(run);

      const running = await store.runs.update(run.id, { status: 'running', progress: 0.5, metrics: { loss: 1.2 } });
      expect(running.startedAt).toBeInstanceOf(Date);
      const done = await store.runs.update(run.id, { status: 'succeeded', progress: 1, metrics: { acc: 0.7 }, lineage: { checkpoint: 'c1' } });
      expect(done).toMatchObject({ status: 'succeeded', progress: 1, metrics: { loss: 1.2, acc: 0.7 }, lineage: { dataset: 'ds@1', checkpoint: 'c1' } });
      expect(done.finishedAt).toBeInstanceOf(Date);
      expect(done.startedAt).toEqual(running.startedAt);
      expect(done.config).toEqual({ layers: 4 });

      expect((await store.runs.update(run.id, { error: 'late failure', status: 'failed' })).error).toBe('late failure');
      await expectStoreError(store.runs.update('no-such-run', { progress: 0.1 }), 'NOT_FOUND');
      expect(await store.runs.get('no-such-run')).toBeNull();
    });

    it('claim is exclusive: of concurrent claimants exactly one wins', async () => {
      const store = getStore();
      const run = await store.runs.create({ kind: unique('claim') });
      const workers = Array.from({ length: 6 }, (_, i) => `worker-${i}`);
      const claims = await Promise.all(workers.map((w) => store.runs.claim(run.id, w)));
      const winners = claims.filter((c) => c !== null);
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ status: 'running', attempt: 1, claimedBy: expect.stringMatching(/^worker-/) });
      expect(await store.runs.claim(run.id, 'late-worker')).toBeNull();

      const owner = winners[0]!.claimedBy!;
      expect(await store.runs.release(run.id, 'not-the-owner')).toBeNull();
      expect(await store.runs.release(run.id, owner)).toMatchObject({ status: 'queued', claimedBy: null });
      expect(await store.runs.claim(run.id, 'second-worker')).toMatchObject({ claimedBy: 'second-worker', attempt: 2 });
    });

    it('cancelQueued cancels only a queued, unclaimed run, and of it racing claims exactly one side wins', async () => {
      const store = getStore();
      const queued = await store.runs.create({ kind: unique('cancel') });
      const cancelled = await store.runs.cancelQueued(queued.id);
      expect(cancelled).toMatchObject({ status: 'cancelled', claimedBy: null, attempt: 0 });
      expect(cancelled!.finishedAt).toBeInstanceOf(Date);
      expect(await store.runs.claim(queued.id, 'late-worker')).toBeNull();
      expect(await store.runs.cancelQueued(queued.id)).toBeNull();
      expect(await store.runs.cancelQueued('no-such-run')).toBeNull();

      const claimed = await store.runs.create({ kind: unique('cancel') });
      await store.runs.claim(claimed.id, 'owner');
      expect(await store.runs.cancelQueued(claimed.id)).toBeNull();
      expect(await store.runs.get(claimed.id)).toMatchObject({ status: 'running', claimedBy: 'owner' });

      for (let i = 0; i < 4; i++) {
        const run = await store.runs.create({ kind: unique('race') });
        const [cancel, ...claims] = await Promise.all([store.runs.cancelQueued(run.id), store.runs.claim(run.id, 'a'), store.runs.claim(run.id, 'b')]);
        const winners = [cancel, ...claims].filter((r) => r !== null);
        expect(winners).toHaveLength(1);
        expect((await store.runs.get(run.id))!.status).toBe(cancel ? 'cancelled' : 'running');
      }
    });

    it('claimNext hands each queued run of a kind to one worker, oldest first', async () => {
      const store = getStore();
      const kind = unique('queue');
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await store.runs.create({ kind }));
      await store.runs.create({ kind: unique('other') });
      const claims = await Promise.all(Array.from({ length: 5 }, (_, i) => store.runs.claimNext(kind, `w${i}`)));
      const claimed = claims.filter((c) => c !== null).map((c) => c.id);
      expect(claimed.sort()).toEqual(runs.map((r) => r.id).sort());
      expect(claims.filter((c) => c === null)).toHaveLength(2);

      const next = await store.runs.create({ kind });
      expect((await store.runs.claimNext(kind, 'w9'))?.id).toBe(next.id);
    });

    it('lists newest first, filtered by kind and status, paged even when timestamps tie', async () => {
      const store = getStore();
      const kind = unique('list');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await store.runs.create({ kind })).id);
      await store.runs.update(ids[1]!, { status: 'failed' });
      await store.runs.update(ids[3]!, { status: 'cancelled' });
      // Same created_at for all: paging must not depend on timestamps being distinct.
      await store.db.query('UPDATE runs SET created_at = $1::timestamptz WHERE kind = $2', ['2024-01-01T00:00:00Z', kind]);

      const { nodes } = await collectPages((args) => store.runs.list({ kind }, args), 2);
      expect(nodes.map((r) => r.id)).toEqual([...ids].reverse());
      expect((await store.runs.list({ kind, status: 'failed' })).edges.map((e) => e.node.id)).toEqual([ids[1]]);
      const ended = await store.runs.list({ kind, status: ['failed', 'cancelled'] });
      expect(ended.edges.map((e) => e.node.id)).toEqual([ids[3], ids[1]]);
      expect(ended.totalCount).toBe(2);
    });

    it('records metric curves; re-recording an epoch replaces its value', async () => {
      const store = getStore();
      const run = await store.runs.create({ kind: 'classifier' });
      await store.runs.appendMetric(run.id, { name: 'loss', epoch: 1, value: 2.5 });
      await store.runs.appendMetrics(run.id, [
        { name: 'loss', epoch: 2, value: 1.5 },
        { name: 'uar', epoch: 1, value: 0.4 },
        { name: 'loss', epoch: 1, value: 2.25 },
      ]);
      expect(await store.runs.listMetrics(run.id)).toEqual([
        { name: 'loss', epoch: 1, value: 2.25 },
        { name: 'loss', epoch: 2, value: 1.5 },
        { name: 'uar', epoch: 1, value: 0.4 },
      ]);
      expect(await store.runs.listMetrics(run.id, 'uar')).toEqual([{ name: 'uar', epoch: 1, value: 0.4 }]);
    });
  });

  describe('checkpoints', () => {
    it('the latest is the highest epoch; the list is by epoch', async () => {
      const store = getStore();
      const run = await store.runs.create({ kind: 'vqvae-pretrain' });
      expect(await store.checkpoints.latestForRun(run.id)).toBeNull();
      for (const epoch of [1, 3, 2])
        await store.checkpoints.add({ runId: run.id, epoch, artifactKey: `ckpt/${run.id}/${epoch}`, metrics: { loss: 1 / epoch } });
      const latest = await store.checkpoints.latestForRun(run.id);
      expect(latest).toMatchObject({ epoch: 3, artifactKey: `ckpt/${run.id}/3`, metrics: { loss: 1 / 3 } });
      expect(await store.checkpoints.get(latest!.id)).toEqual(latest);
      expect((await store.checkpoints.listForRun(run.id)).map((c) => c.epoch)).toEqual([1, 2, 3]);
    });
  });

  describe('models', () => {
    it('numbers versions per model from 1, even when created concurrently', async () => {
      const store = getStore();
      const name = unique('tacn');
      const other = unique('fop');
      const created = await Promise.all(Array.from({ length: 6 }, (_, i) => store.models.createVersion({ modelName: name, artifactKey: `m/${i}` })));
      expect(created.map((v) => v.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
      expect((await store.models.createVersion({ modelName: other, artifactKey: 'o/1', metrics: { uar: 0.6 } })).version).toBe(1);

      const { nodes } = await collectPages((args) => store.models.listVersions(name, args), 4);
      expect(nodes.map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
      expect(await store.models.listModels()).toEqual(
        expect.arrayContaining([
          { name, latestVersion: 6, versionCount: 6 },
          { name: other, latestVersion: 1, versionCount: 1 },
        ]),
      );
    });

    it('moves aliases and returns the version they pointed at before', async () => {
      const store = getStore();
      const name = unique('tacn');
      const run = await store.runs.create({ kind: 'classifier' });
      const v1 = await store.models.createVersion({ modelName: name, artifactKey: 'a/1', runId: run.id, lineage: { checkpoint: 'c' } });
      const v2 = await store.models.createVersion({ modelName: name, artifactKey: 'a/2' });

      expect(await store.models.setAlias(name, 'production', 1)).toEqual({ current: v1, previous: null });
      expect(await store.models.setAlias(name, 'production', 2)).toEqual({ current: v2, previous: v1 });
      expect(await store.models.resolve(name, 'production')).toEqual(v2);
      expect(await store.models.resolve(name, 1)).toEqual(v1);
      expect(await store.models.resolve(name, '2')).toEqual(v2);
      expect(await store.models.resolve(name, 'staging')).toBeNull();
      expect(await store.models.resolve(name, 7)).toBeNull();
      expect((await store.models.listAliases(name)).map((a) => [a.alias, a.version.version])).toEqual([['production', 2]]);

      await expectStoreError(store.models.setAlias(name, 'production', 9), 'NOT_FOUND');
      await expectStoreError(store.models.setAlias(name, '3', 1), 'INVALID_ARGUMENT');
      expect(await store.models.resolve(name, 'production')).toEqual(v2);
    });

    it('concurrent alias moves each see the true previous version', async () => {
      const store = getStore();
      const name = unique('fop');
      const versions = [];
      for (let i = 0; i < 4; i++) versions.push(await store.models.createVersion({ modelName: name, artifactKey: `k/${i}` }));
      const moves = await Promise.all(versions.map((v) => store.models.setAlias(name, 'production', v.version)));
      // Serialised moves form a chain: one saw no alias, every other saw a distinct earlier target.
      const previous = moves.map((m) => m.previous?.version ?? null);
      expect(previous.filter((p) => p === null)).toHaveLength(1);
      const final = (await store.models.resolve(name, 'production'))!.version;
      expect([...previous.filter((p) => p !== null), final].sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    });
  });

  describe('predictions', () => {
    it('records predictions and lists them newest first by model, label and time', async () => {
      const store = getStore();
      const name = unique('serve');
      const v1 = await store.models.createVersion({ modelName: name, artifactKey: 'p/1' });
      const v2 = await store.models.createVersion({ modelName: name, artifactKey: 'p/2' });
      const record = (modelVersionId: string, label: string) =>
        store.predictions.record({
          modelVersionId,
          inputHash: unique('in'),
          label,
          probabilities: { [label]: 0.9, other: 0.1 },
          latencyMs: 12.5,
          source: 'unary',
        });
      const first = await record(v1.id, 'angry');
      const since = new Date(first.createdAt.getTime() + 1);
      await clockPast(since);
      const later = [await record(v1.id, 'sad'), await record(v2.id, 'sad'), await record(v2.id, 'angry')];

      expect(await store.predictions.get(first.id)).toEqual(first);
      expect(first).toMatchObject({ probabilities: { angry: 0.9, other: 0.1 }, latencyMs: 12.5, source: 'unary' });
      const ids = (page: { edges: { node: { id: string } }[] }) => page.edges.map((e) => e.node.id);
      expect(ids(await store.predictions.list({ modelName: name }))).toEqual([later[2]!.id, later[1]!.id, later[0]!.id, first.id]);
      expect(ids(await store.predictions.list({ modelVersionId: v1.id }))).toEqual([later[0]!.id, first.id]);
      expect(ids(await store.predictions.list({ modelName: name, label: 'sad' }))).toEqual([later[1]!.id, later[0]!.id]);
      expect(ids(await store.predictions.list({ modelName: name, since }))).toEqual([later[2]!.id, later[1]!.id, later[0]!.id]);

      const { nodes } = await collectPages((args) => store.predictions.list({ modelName: name }, args), 3);
      expect(nodes.map((p) => p.id)).toEqual([later[2]!.id, later[1]!.id, later[0]!.id, first.id]);
    });
  });
}
