// Policies every rendering of deploy/helm/ser must keep, with the default values, values-gpu.yaml and values-production.yaml:
// valid Kubernetes objects, resources and probes on every container, non-root, GPUs only on GPU nodes.
import { describe, expect, it } from 'vitest';
import { helm, renderChart, CHART_DIR, type Manifest } from './helm';
import { schemaProblems } from './k8s-schema';
import { allContainers, workloads, type Container, type PodSpec } from './pod-spec';

const GPU = 'nvidia.com/gpu';
const TRAINERS = ['fop-pretrainer', 'vqvae-pretrainer', 'classifier-trainer'];
const SERVICES = ['features', ...TRAINERS, 'inference', 'model-registry', 'gateway'];

/** The optional objects too: ServiceMonitor, Ingress with TLS, topic prefix, database schema, Kafka Secret. */
const EVERYTHING_ON = [
  'metrics.serviceMonitor.enabled=true',
  'metrics.prometheusRule.enabled=true',
  'metrics.dashboards.enabled=true',
  'ingress.enabled=true',
  'ingress.className=nginx',
  'ingress.tls[0].secretName=ser-tls',
  'ingress.tls[0].hosts[0]=ser.example.com',
  'kafka.topicPrefix=prod.',
  'kafka.existingSecret=kafka-conn',
  'postgresql.schema=ser',
  'networkPolicy.restrictEgress=true',
  'networkPolicy.kafkaTo[0].ipBlock.cidr=10.0.0.0/16',
  'networkPolicy.postgresqlTo[0].ipBlock.cidr=10.1.0.0/16',
  'trainerScaling.enabled=true',
];

const renderings: Array<[string, () => Manifest[]]> = [
  ['default values', () => renderChart()],
  ['values-gpu.yaml', () => renderChart(['values-gpu.yaml'])],
  ['values-production.yaml', () => renderChart(['values-production.yaml'])],
  ['values-gpu.yaml and every option on', () => renderChart(['values-gpu.yaml'], EVERYTHING_ON)],
];

function gpuLimit(c: Container): unknown {
  return c.resources?.limits?.[GPU] ?? c.resources?.requests?.[GPU];
}

function landsOnGpuNodesOnly(pod: PodSpec): boolean {
  const selects = Object.keys(pod.nodeSelector ?? {}).some((k) => k.startsWith('nvidia.com/'));
  const tolerates = (pod.tolerations ?? []).some((t) => t.key === GPU);
  return selects && tolerates;
}

describe('helm lint', () => {
  it.each([[[] as string[]], [['values-gpu.yaml']], [['values-production.yaml']]])('passes --strict with values %j', (files) => {
    const out = helm(['lint', '--strict', CHART_DIR, ...files.flatMap((f) => ['-f', `${CHART_DIR}/${f}`])]);
    expect(out).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
  });
});

describe.each(renderings)('rendered with %s', (_label, render) => {
  const manifests = render();
  const pods = workloads(manifests);

  it('renders a Deployment for each of the seven services and the web console, and the migrations Job', () => {
    expect(pods.map((w) => w.name).sort()).toEqual([...[...SERVICES, 'console'].map((s) => `Deployment/ser-${s}`), 'Job/ser-migrate'].sort());
  });

  it('validates every object against the Kubernetes API schemas', () => {
    expect(schemaProblems(manifests)).toEqual([]);
  });

  it('gives every container cpu and memory requests and limits', () => {
    for (const w of pods) {
      for (const c of allContainers(w.pod)) {
        for (const side of ['requests', 'limits'] as const) {
          expect(c.resources?.[side], `${w.name} ${c.name} ${side}`).toMatchObject({ cpu: expect.anything(), memory: expect.anything() });
        }
      }
    }
  });

  it('probes every service container: native gRPC on its grpc port, the gateway on /healthz and /readyz, the console on /healthz', () => {
    for (const w of pods.filter((p) => p.manifest.kind === 'Deployment')) {
      for (const c of w.pod.containers) {
        const grpcPort = c.ports?.find((p) => p.name === 'grpc')?.containerPort;
        if (c.name === 'gateway') {
          // Token-free endpoints: a GraphQL probe answers 401 once anonymous reads are off (the default).
          expect(c.startupProbe?.httpGet, `${w.name} startup`).toEqual({ port: 'http', path: '/healthz' });
          expect(c.livenessProbe?.httpGet, `${w.name} liveness`).toEqual({ port: 'http', path: '/healthz' });
          expect(c.readinessProbe?.httpGet, `${w.name} readiness`).toEqual({ port: 'http', path: '/readyz' });
          continue;
        }
        if (c.name === 'console') {
          for (const probe of [c.startupProbe, c.livenessProbe, c.readinessProbe])
            expect(probe?.httpGet, `${w.name} http probe`).toEqual({ port: 'http', path: '/healthz' });
          continue;
        }
        for (const probe of [c.startupProbe, c.livenessProbe, c.readinessProbe]) expect(probe?.grpc, `${w.name} grpc probe`).toEqual({ port: grpcPort });
      }
    }
  });

  it('runs every container as non-root with a read-only root filesystem and a writable /tmp', () => {
    for (const w of pods) {
      const podCtx = w.pod.securityContext ?? {};
      for (const c of allContainers(w.pod)) {
        const ctx = { ...podCtx, ...c.securityContext };
        expect(ctx.runAsNonRoot, `${w.name} ${c.name} runAsNonRoot`).toBe(true);
        expect(ctx.runAsUser, `${w.name} ${c.name} runAsUser`).toBeGreaterThan(0);
        expect(c.securityContext?.allowPrivilegeEscalation, `${w.name} ${c.name}`).toBe(false);
        expect(c.securityContext?.readOnlyRootFilesystem, `${w.name} ${c.name}`).toBe(true);
        const tmp = c.volumeMounts?.find((m) => m.mountPath === '/tmp');
        expect(w.pod.volumes?.find((v) => v.name === tmp?.name)?.emptyDir, `${w.name} ${c.name} /tmp emptyDir`).toBeDefined();
      }
    }
  });

  it('requests GPUs only in pods that land only on GPU nodes', () => {
    for (const w of pods) {
      if (allContainers(w.pod).some((c) => gpuLimit(c) !== undefined)) {
        expect(landsOnGpuNodesOnly(w.pod), `${w.name} requests ${GPU} without GPU nodeSelector and toleration`).toBe(true);
      }
    }
  });
});

describe('GPU placement', () => {
  it('keeps every workload off GPUs with the default values', () => {
    for (const w of workloads(renderChart())) {
      expect(allContainers(w.pod).map(gpuLimit), w.name).toEqual(allContainers(w.pod).map(() => undefined));
      expect(w.pod.tolerations, w.name).toBeUndefined();
    }
  });

  it('puts the trainers, and only them, on GPU nodes with values-gpu.yaml', () => {
    for (const w of workloads(renderChart(['values-gpu.yaml']))) {
      const trainer = TRAINERS.some((t) => w.name === `Deployment/ser-${t}`);
      expect(w.pod.containers.map(gpuLimit), w.name).toEqual(w.pod.containers.map(() => (trainer ? 1 : undefined)));
      expect(landsOnGpuNodesOnly(w.pod), w.name).toBe(trainer);
    }
  });

  it('refuses to render GPU requests without a nodeSelector or tolerations', () => {
    expect(() => renderChart([], ['gpu.enabled=true'])).toThrow(/gpu.enabled needs gpu.nodeSelector or gpu.tolerations/);
  });
});
