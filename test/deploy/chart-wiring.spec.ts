// How the chart wires the services together: SER_* settings, addresses that name real Services, the shared
// artifacts volume, the CUDA kernel cache, the migrations hook, autoscaling, disruption budgets, metrics, ingress.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlatformConfig, platformConfigSchema } from '@ser/config';
import { renderChart, REPO_ROOT, type Manifest } from './helm';
import { allContainers, byKind, deployment, envOf, platformWorkloads, workloads } from './pod-spec';

const defaults = renderChart();
const gpu = renderChart(['values-gpu.yaml']);

type ServicePort = { name: string; port: number; targetPort: string };
function servicePorts(manifests: Manifest[], name: string): ServicePort[] {
  const svc = byKind(manifests, 'Service').find((s) => s.metadata.name === name);
  if (!svc) throw new Error(`no Service ${name}`);
  return (svc.spec as { ports: ServicePort[] }).ports;
}

describe('service settings', () => {
  it('connects every service to Kafka and PostgreSQL, the database URL from the existing Secret', () => {
    for (const w of platformWorkloads(defaults)) {
      for (const c of allContainers(w.pod)) {
        expect(envOf(c, 'SER_BUS')?.value, w.name).toBe('kafka');
        expect(envOf(c, 'SER_KAFKA_BROKERS')?.value, w.name).toBe('kafka-bootstrap.kafka.svc.cluster.local:9092');
        expect(envOf(c, 'SER_STORE')?.value, w.name).toBe('postgres');
        expect(envOf(c, 'SER_DATABASE_URL'), w.name).toEqual({
          name: 'SER_DATABASE_URL',
          valueFrom: { secretKeyRef: { name: 'ser-postgresql', key: 'database-url' } },
        });
      }
    }
  });

  it('reads the broker list from a Secret when kafka.existingSecret is set', () => {
    const c = deployment(renderChart([], ['kafka.existingSecret=kafka-conn']), 'features').pod.containers[0]!;
    expect(envOf(c, 'SER_KAFKA_BROKERS')?.valueFrom).toEqual({ secretKeyRef: { name: 'kafka-conn', key: 'brokers' } });
  });

  it('passes the topic prefix and database schema to every service and to the migrations Job', () => {
    for (const w of platformWorkloads(renderChart([], ['kafka.topicPrefix=prod.', 'postgresql.schema=ser_prod']))) {
      for (const c of allContainers(w.pod)) {
        expect(envOf(c, 'SER_KAFKA_TOPIC_PREFIX')?.value, `${w.name} ${c.name}`).toBe('prod.');
        expect(envOf(c, 'SER_DATABASE_SCHEMA')?.value, `${w.name} ${c.name}`).toBe('ser_prod');
      }
    }
  });

  it('points every SER_<SERVICE>_ADDRESS at a rendered Service port', () => {
    const gateway = deployment(defaults, 'gateway').pod.containers[0]!;
    const addresses = (gateway.env ?? []).filter((e) => /^SER_[A-Z_]+_ADDRESS$/.test(e.name));
    expect(addresses.map((e) => e.name).sort()).toEqual(
      ['CLASSIFIER_TRAINER', 'FEATURES', 'FOP_PRETRAINER', 'INFERENCE', 'MODEL_REGISTRY', 'VQVAE_PRETRAINER'].map((s) => `SER_${s}_ADDRESS`),
    );
    for (const { name, value } of addresses) {
      const [host, port] = value!.split(':');
      expect(servicePorts(defaults, host!).find((p) => p.name === 'grpc')?.port, name).toBe(Number(port));
    }
  });

  it('uses the platform default ports, accepted by the platform config schema', () => {
    const ports = platformConfigSchema.parse({}).ports;
    const envPort = (svc: string, name: string) => Number(envOf(deployment(defaults, svc).pod.containers[0]!, name)?.value);
    expect(envPort('features', 'SER_FEATURES_PORT')).toBe(ports.features);
    expect(envPort('fop-pretrainer', 'SER_FOP_PRETRAINER_PORT')).toBe(ports.fopPretrainer);
    expect(envPort('vqvae-pretrainer', 'SER_VQVAE_PRETRAINER_PORT')).toBe(ports.vqvaePretrainer);
    expect(envPort('classifier-trainer', 'SER_CLASSIFIER_TRAINER_PORT')).toBe(ports.classifierTrainer);
    expect(envPort('inference', 'SER_INFERENCE_PORT')).toBe(ports.inference);
    expect(envPort('model-registry', 'SER_MODEL_REGISTRY_PORT')).toBe(ports.modelRegistry);
    expect(envPort('gateway', 'SER_GATEWAY_PORT')).toBe(ports.gateway);
  });

  it('builds each image from a Dockerfile in deploy/docker', () => {
    for (const w of workloads(defaults)) {
      for (const c of allContainers(w.pod)) {
        const service = /^ser\/([a-z-]+):0\.1\.0$/.exec(c.image)?.[1];
        expect(service && existsSync(`${REPO_ROOT}deploy/docker/${service}.Dockerfile`), `${w.name} image ${c.image}`).toBe(true);
      }
    }
    expect(deployment(renderChart([], ['image.registry=reg.example/ml', 'image.tag=1.2.3']), 'inference').pod.containers[0]!.image).toBe(
      'reg.example/ml/ser/inference:1.2.3',
    );
  });

  it('templates the metrics port into SER_METRICS_PORT, the container and the Service', () => {
    const rendered = renderChart([], ['metrics.port=9999']);
    for (const w of platformWorkloads(rendered).filter((x) => x.manifest.kind === 'Deployment')) {
      const c = w.pod.containers[0]!;
      expect(envOf(c, 'SER_METRICS_PORT')?.value, w.name).toBe('9999');
      expect(c.ports?.find((p) => p.name === 'metrics')?.containerPort, w.name).toBe(9999);
      expect(servicePorts(rendered, w.manifest.metadata.name).find((p) => p.name === 'metrics')?.port, w.name).toBe(9999);
    }
  });
});

/** What the gateway's own config loader makes of the rendered SER_GATEWAY_* variables. */
function gatewaySettings(manifests: Manifest[]) {
  const env = deployment(manifests, 'gateway').pod.containers[0]!.env ?? [];
  const names = env.map((e) => e.name);
  expect(
    names.filter((n, i) => names.indexOf(n) !== i),
    'duplicate env names',
  ).toEqual([]);
  const gatewayEnv = Object.fromEntries(env.filter((e) => e.name.startsWith('SER_GATEWAY_')).map((e) => [e.name, e.value!]));
  return loadPlatformConfig({ env: gatewayEnv }).gateway;
}

describe('gateway security defaults', () => {
  it('renders anonymous reads and introspection off, by default and with values-production.yaml', () => {
    // The embedded `npm start` defaults stay open: only the chart closes them.
    expect(platformConfigSchema.parse({}).gateway).toMatchObject({ anonymousRead: true, introspection: true });
    for (const rendered of [defaults, renderChart(['values-production.yaml'])]) {
      expect(gatewaySettings(rendered)).toMatchObject({ anonymousRead: false, introspection: false });
    }
  });

  it('opens either with services.gateway.env, which wins over config.extraEnv without duplicating the variable', () => {
    expect(gatewaySettings(renderChart([], ['services.gateway.env.SER_GATEWAY_ANONYMOUS_READ=true']))).toMatchObject({
      anonymousRead: true,
      introspection: false,
    });
    expect(gatewaySettings(renderChart([], ['config.extraEnv.SER_GATEWAY_INTROSPECTION=true']))).toMatchObject({ anonymousRead: false, introspection: false });
  });
});

describe('gateway probe', () => {
  it('probes /healthz for startup and liveness and /readyz for readiness, also with values-production.yaml', () => {
    for (const rendered of [defaults, renderChart(['values-production.yaml'])]) {
      const c = deployment(rendered, 'gateway').pod.containers[0]!;
      expect([c.startupProbe, c.livenessProbe, c.readinessProbe].map((p) => p?.httpGet?.path)).toEqual(['/healthz', '/healthz', '/readyz']);
    }
  });

  it('keeps readiness on /healthz when a backend is disabled (/readyz would wait for it forever)', () => {
    const c = deployment(renderChart([], ['services.vqvaePretrainer.enabled=false']), 'gateway').pod.containers[0]!;
    expect([c.startupProbe, c.livenessProbe, c.readinessProbe].map((p) => p?.httpGet?.path)).toEqual(['/healthz', '/healthz', '/healthz']);
  });

  it('switches to a TCP probe on the http port with probe.type=tcp (gateways that require a token)', () => {
    const c = deployment(renderChart([], ['services.gateway.probe.type=tcp']), 'gateway').pod.containers[0]!;
    for (const probe of [c.startupProbe, c.livenessProbe, c.readinessProbe]) {
      expect(probe).toMatchObject({ tcpSocket: { port: 'http' } });
      expect(probe?.httpGet).toBeUndefined();
    }
  });
});

describe('volumes', () => {
  it('mounts one ReadWriteMany artifacts claim at SER_DATA_DIR in every service', () => {
    const [pvc] = byKind(defaults, 'PersistentVolumeClaim');
    expect((pvc?.spec as { accessModes: string[] }).accessModes).toEqual(['ReadWriteMany']);
    for (const w of platformWorkloads(defaults).filter((x) => x.manifest.kind === 'Deployment')) {
      const c = w.pod.containers[0]!;
      const mount = c.volumeMounts?.find((m) => m.mountPath === envOf(c, 'SER_DATA_DIR')?.value);
      expect(w.pod.volumes?.find((v) => v.name === mount?.name)?.persistentVolumeClaim?.claimName, w.name).toBe(pvc?.metadata.name);
    }
  });

  it('uses artifacts.existingClaim instead of making a claim', () => {
    const rendered = renderChart([], ['artifacts.existingClaim=shared-nfs']);
    expect(byKind(rendered, 'PersistentVolumeClaim')).toEqual([]);
    expect(deployment(rendered, 'features').pod.volumes?.find((v) => v.name === 'artifacts')?.persistentVolumeClaim?.claimName).toBe('shared-nfs');
  });

  it('keeps the GPU trainers CUDA kernel cache on a claim (CUDA_CACHE_PATH, CUDA_CACHE_MAXSIZE)', () => {
    const claim = byKind(gpu, 'PersistentVolumeClaim').find((p) => p.metadata.name === 'ser-cuda-cache');
    expect(claim).toBeDefined();
    for (const t of ['fop-pretrainer', 'vqvae-pretrainer', 'classifier-trainer']) {
      const w = deployment(gpu, t);
      const c = w.pod.containers[0]!;
      expect(envOf(c, 'CUDA_CACHE_MAXSIZE')?.value, t).toBe('4294967296');
      expect(envOf(c, 'SER_TFJS_BACKEND')?.value, t).toBe('node-gpu');
      const mount = c.volumeMounts?.find((m) => m.mountPath === envOf(c, 'CUDA_CACHE_PATH')?.value);
      expect(w.pod.volumes?.find((v) => v.name === mount?.name)?.persistentVolumeClaim?.claimName, t).toBe('ser-cuda-cache');
    }
    expect(envOf(deployment(gpu, 'inference').pod.containers[0]!, 'CUDA_CACHE_PATH')).toBeUndefined();
  });
});

describe('migrations Job', () => {
  const job = workloads(defaults).find((w) => w.name === 'Job/ser-migrate')!;

  it('is a pre-install and pre-upgrade hook', () => {
    expect(job.manifest.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
  });

  it('migrates first, then creates the topics with the partitions and replication from values', () => {
    const rendered = renderChart([], ['kafka.topics.partitions=12', 'kafka.topics.replicationFactor=2']);
    const pod = workloads(rendered).find((w) => w.name === 'Job/ser-migrate')!.pod;
    expect(pod.initContainers?.map((c) => c.command?.at(-1))).toEqual(['migrate.js']);
    const topics = pod.containers[0]!;
    expect(topics.command?.at(-1)).toBe('create-topics.js');
    expect(envOf(topics, 'SER_TOPIC_PARTITIONS')?.value).toBe('12');
    expect(envOf(topics, 'SER_TOPIC_REPLICATION_FACTOR')?.value).toBe('2');
    // The Job runs the gateway image, whose bundle holds both scripts (deploy/bundle/bundle-services.ts).
    for (const c of allContainers(pod)) {
      expect(c.image, c.name).toMatch(/ser\/gateway:/);
      const bundles = JSON.parse(readFileSync(`${REPO_ROOT}deploy/bundle/bundles.json`, 'utf8')) as { gateway: { extra: Record<string, string> } };
      const script = bundles.gateway.extra[c.command!.at(-1)!.replace(/\.js$/, '')];
      expect(script && existsSync(`${REPO_ROOT}${script}`), c.name).toBe(true);
    }
  });
});

describe('scaling and availability', () => {
  it('autoscales features and inference, whose Deployments then leave replicas to the HPA', () => {
    const hpas = byKind(defaults, 'HorizontalPodAutoscaler');
    const targets = hpas.map((h) => (h.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name).sort();
    expect(targets).toEqual(['ser-features', 'ser-inference']);
    for (const name of targets) {
      expect((byKind(defaults, 'Deployment').find((d) => d.metadata.name === name)?.spec as { replicas?: number }).replicas).toBeUndefined();
    }
  });

  it('gives every service a disruption budget selecting its pods', () => {
    const pdbs = byKind(defaults, 'PodDisruptionBudget');
    for (const w of workloads(defaults).filter((x) => x.manifest.kind === 'Deployment')) {
      const pdb = pdbs.find((p) => p.metadata.name === w.manifest.metadata.name);
      const selector = (pdb?.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
      expect(w.podLabels, w.name).toMatchObject(selector);
    }
  });

  it('renders the ServiceMonitor and the Ingress only when asked', () => {
    expect(byKind(defaults, 'ServiceMonitor')).toEqual([]);
    expect(byKind(defaults, 'Ingress')).toEqual([]);
    const all = renderChart([], ['metrics.serviceMonitor.enabled=true', 'ingress.enabled=true']);
    const [monitor] = byKind(all, 'ServiceMonitor');
    expect((monitor?.spec as { endpoints: unknown[] }).endpoints).toEqual([expect.objectContaining({ port: 'metrics', path: '/metrics' })]);
    const [ingress] = byKind(all, 'Ingress');
    const backend = (ingress?.spec as { rules: Array<{ http: { paths: Array<{ backend: { service: { name: string; port: { name: string } } } }> } }> })
      .rules[0]!.http.paths[0]!.backend.service;
    expect(servicePorts(all, backend.name).map((p) => p.name)).toContain(backend.port.name);
  });
});
