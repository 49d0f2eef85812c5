// trainerScaling: a KEDA ScaledObject per trainer Deployment, scaling it from zero on its queued and running runs.
// Rendered and schema-checked like every chart object, and its query run against the platform's real PostgreSQL
// schema, so a renamed table, column, status or run kind breaks this spec rather than the scaling in a cluster.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { RUN_KINDS, type RunStatus } from '@ser/events';
import { createPostgresDb, openMetadataStore } from '@ser/store';
import { CHART_DIR, helm, renderChart, type Manifest } from './helm';
import { schemaProblems } from './k8s-schema';
import { envOf, workloads } from './pod-spec';

const TRAINERS = { 'fop-pretrainer': 'fop-pretrain', 'vqvae-pretrainer': 'vqvae-pretrain', 'classifier-trainer': 'classifier' } as const;

interface ScaledObject extends Manifest {
  spec: {
    scaleTargetRef: { name: string };
    minReplicaCount: number;
    maxReplicaCount: number;
    triggers: Array<{ type: string; metadata: Record<string, string> }>;
  };
}

const scaledObjects = (manifests: Manifest[]) => manifests.filter((m): m is ScaledObject => m.kind === 'ScaledObject');
const deployment = (manifests: Manifest[], name: string) => workloads(manifests).find((w) => w.name === `Deployment/ser-${name}`)!;

function databaseUrl(): string {
  const url = process.env.SER_TEST_DATABASE_URL;
  if (!url) throw new Error('SER_TEST_DATABASE_URL is not set: run this suite through npm test, which starts PostgreSQL');
  return url;
}

describe('trainerScaling (KEDA)', () => {
  it('is off by default: no ScaledObject, and the trainers keep their fixed replicas', () => {
    const manifests = renderChart();
    expect(scaledObjects(manifests)).toEqual([]);
    for (const trainer of Object.keys(TRAINERS)) expect((deployment(manifests, trainer).manifest.spec as { replicas?: number }).replicas, trainer).toBe(1);
  });

  it('gives each trainer Deployment a ScaledObject from zero on its own run kind, reading the database URL its container has', () => {
    const manifests = renderChart(['values-gpu.yaml'], ['trainerScaling.enabled=true', 'trainerScaling.maxReplicaCount=3']);
    const objects = scaledObjects(manifests);
    expect(schemaProblems(objects)).toEqual([]);
    expect(objects.map((o) => o.spec.scaleTargetRef.name).sort()).toEqual(
      Object.keys(TRAINERS)
        .map((t) => `ser-${t}`)
        .sort(),
    );
    for (const [trainer, kind] of Object.entries(TRAINERS)) {
      const object = objects.find((o) => o.spec.scaleTargetRef.name === `ser-${trainer}`)!;
      expect(object.spec).toMatchObject({ minReplicaCount: 0, maxReplicaCount: 3 });
      const [trigger] = object.spec.triggers;
      expect(trigger).toMatchObject({
        type: 'postgresql',
        metadata: { connectionFromEnv: 'SER_DATABASE_URL', targetQueryValue: '1', activationTargetQueryValue: '0' },
      });
      expect(trigger!.metadata.query).toContain(`kind = '${kind}'`);
      // KEDA resolves connectionFromEnv in the scale target's container: it must be there.
      const target = deployment(manifests, trainer);
      expect(envOf(target.pod.containers[0]!, 'SER_DATABASE_URL')?.valueFrom, trainer).toBeDefined();
      // KEDA owns the replica count: a helm upgrade must not reset it.
      expect(target.manifest.spec as object, trainer).not.toHaveProperty('replicas');
    }
    expect((deployment(manifests, 'model-registry').manifest.spec as { replicas?: number }).replicas).toBe(2);
  });

  it('passes helm lint --strict with trainerScaling on', () => {
    expect(helm(['lint', '--strict', CHART_DIR, '-f', `${CHART_DIR}/values-gpu.yaml`, '--set', 'trainerScaling.enabled=true'])).toMatch(/0 chart\(s\) failed/);
  });

  describe('the query on the real schema', { timeout: 60_000 }, () => {
    const schema = `keda_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const db = createPostgresDb({ connectionString: databaseUrl() }); // no search_path, like KEDA's connection
    afterAll(async () => {
      await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    });

    it('counts exactly the queued and running runs of the trainer kind, in postgresql.schema', async () => {
      const store = await openMetadataStore({ kind: 'postgres', url: databaseUrl(), schema });
      const expected: Record<string, number> = {};
      try {
        const statuses: RunStatus[] = ['queued', 'queued', 'running', 'succeeded', 'failed', 'cancelled'];
        for (const [i, kind] of RUN_KINDS.entries()) {
          // A different mix per kind (kind i gets i fewer queued runs), so a query on the wrong kind shows.
          for (const status of statuses.slice(i)) {
            const run = await store.runs.create({ kind });
            if (status !== 'queued') await store.runs.update(run.id, { status });
          }
          expected[kind] = statuses.slice(i).filter((s) => s === 'queued' || s === 'running').length;
        }
      } finally {
        await store.close();
      }
      const objects = scaledObjects(renderChart([], ['trainerScaling.enabled=true', `postgresql.schema=${schema}`]));
      const counted: Record<string, number> = {};
      for (const [trainer, kind] of Object.entries(TRAINERS)) {
        const query = objects.find((o) => o.spec.scaleTargetRef.name === `ser-${trainer}`)!.spec.triggers[0]!.metadata.query!;
        const [row] = await db.query<{ count: string | number }>(query);
        counted[kind] = Number(row!.count);
      }
      expect(counted).toEqual(expected);
      expect(expected).toEqual({ 'fop-pretrain': 3, 'vqvae-pretrain': 2, classifier: 1 });
    });
  });
});
