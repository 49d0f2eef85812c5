// The chart with artifacts in object storage (artifacts.objectStorage): no volume claim at all, so no
// ReadWriteMany storage class is needed; every service reads SER_ARTIFACT_STORE and its keys from a Secret.
import { describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import { renderChart } from './helm';
import { schemaProblems } from './k8s-schema';
import { allContainers, byKind, deployment, envOf, workloads } from './pod-spec';

const OBJECT_STORAGE = [
  'artifacts.objectStorage.uri=s3://ser-artifacts/prod',
  'artifacts.objectStorage.endpoint=http://minio.minio:9000',
  'artifacts.objectStorage.existingSecret=ser-s3',
  'config.corpusRoots=s3://ser-corpora/published',
];
const SERVICES = ['features', 'fop-pretrainer', 'vqvae-pretrainer', 'classifier-trainer', 'inference', 'model-registry', 'gateway'];

describe('artifacts in object storage', () => {
  const manifests = renderChart([], OBJECT_STORAGE);

  it('renders valid objects with no PersistentVolumeClaim and no pod volume from a claim', () => {
    expect(schemaProblems(manifests)).toEqual([]);
    expect(byKind(manifests, 'PersistentVolumeClaim')).toEqual([]);
    for (const w of workloads(manifests)) {
      expect(
        (w.pod.volumes ?? []).filter((v) => v.persistentVolumeClaim),
        w.name,
      ).toEqual([]);
    }
  });

  it('still makes no ReadWriteMany claim on GPU nodes once the CUDA cache is per node', () => {
    const gpu = renderChart(['values-gpu.yaml'], [...OBJECT_STORAGE, 'gpu.cudaCache.accessModes={ReadWriteOnce}']);
    const modes = byKind(gpu, 'PersistentVolumeClaim').flatMap((c) => (c.spec as { accessModes: string[] }).accessModes);
    expect(modes).not.toContain('ReadWriteMany');
  });

  it('gives every service the store, the endpoint and the key pair from the Secret, which the platform config accepts', () => {
    for (const service of SERVICES) {
      const c = deployment(manifests, service).pod.containers[0]!;
      expect(envOf(c, 'SER_ARTIFACT_STORE')?.value, service).toBe('s3://ser-artifacts/prod');
      expect(envOf(c, 'AWS_ACCESS_KEY_ID')?.valueFrom, service).toEqual({ secretKeyRef: { name: 'ser-s3', key: 'access-key-id' } });
      expect(envOf(c, 'AWS_SECRET_ACCESS_KEY')?.valueFrom, service).toEqual({ secretKeyRef: { name: 'ser-s3', key: 'secret-access-key' } });
      const plain = Object.fromEntries((c.env ?? []).filter((e) => e.value !== undefined && e.name.startsWith('SER_')).map((e) => [e.name, e.value!]));
      // The database URL comes from another Secret; any value stands in for it here.
      const config = loadPlatformConfig({ env: { ...plain, SER_DATABASE_URL: 'postgres://db/ser' } });
      expect(config.artifacts, service).toEqual({ store: 's3://ser-artifacts/prod', s3: { endpoint: 'http://minio.minio:9000', region: 'us-east-1' } });
      expect(config.features.corpusRoots, service).toEqual(['s3://ser-corpora/published']);
    }
  });

  it('keeps the shared volume and sets no S3 store by default', () => {
    const defaults = renderChart();
    expect(byKind(defaults, 'PersistentVolumeClaim').map((c) => (c.spec as { accessModes: string[] }).accessModes)).toEqual([['ReadWriteMany']]);
    for (const w of workloads(defaults)) {
      for (const c of allContainers(w.pod)) {
        expect(envOf(c, 'SER_ARTIFACT_STORE'), w.name).toBeUndefined();
        expect(envOf(c, 'AWS_ACCESS_KEY_ID'), w.name).toBeUndefined();
      }
    }
  });

  it('refuses an object-storage location that is not s3://', () => {
    expect(() => renderChart([], ['artifacts.objectStorage.uri=/data/artifacts'])).toThrow(/must be an s3:\/\/bucket\/prefix/);
  });
});
