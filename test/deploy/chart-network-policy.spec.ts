// The chart's NetworkPolicies: one per service selecting exactly its pods, the gateway's HTTP port open, every gRPC
// port open only to the release's pods, metrics to the configured peers; egress restricted only when asked.
import { describe, expect, it } from 'vitest';
import { renderChart, type Manifest } from './helm';
import { schemaProblems } from './k8s-schema';
import { byKind, CONSOLE_DEPLOYMENT, platformWorkloads, workloads, type Workload } from './pod-spec';

interface Peer {
  podSelector?: { matchLabels?: Record<string, string> };
  namespaceSelector?: { matchLabels?: Record<string, string> };
  ipBlock?: { cidr: string };
}
interface PolicyPort {
  port: number | string;
  protocol?: string;
}
interface Rule {
  ports?: PolicyPort[];
  from?: Peer[];
  to?: Peer[];
}
interface PolicySpec {
  podSelector: { matchLabels?: Record<string, string> };
  policyTypes: string[];
  ingress?: Rule[];
  egress?: Rule[];
}

const RELEASE_PODS: Peer = { podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'ser' } } };
const MONITORING: Peer = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } };
const KAFKA: Peer = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kafka' } } };
const POSTGRES: Peer = { ipBlock: { cidr: '10.20.0.0/24' } };
const EGRESS = [
  'networkPolicy.restrictEgress=true',
  'networkPolicy.kafkaTo[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name=kafka',
  'networkPolicy.postgresqlTo[0].ipBlock.cidr=10.20.0.0/24',
];

const policies = (manifests: Manifest[]) => byKind(manifests, 'NetworkPolicy');
const specOf = (m: Manifest) => m.spec as PolicySpec;
const selects = (selector: { matchLabels?: Record<string, string> }, labels: Record<string, string>) =>
  Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
const deployments = (manifests: Manifest[]) => workloads(manifests).filter((w) => w.manifest.kind === 'Deployment');
// The platform's services, each with a metrics port (the console serves none).
const services = (manifests: Manifest[]) => platformWorkloads(manifests).filter((w) => w.manifest.kind === 'Deployment');
const CONSOLE_PODS: Peer = { podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'ser', 'app.kubernetes.io/name': 'console' } } };

function policyOf(manifests: Manifest[], w: Workload): PolicySpec {
  const found = policies(manifests).filter((p) => selects(specOf(p).podSelector, w.podLabels));
  expect(
    found.map((p) => p.metadata.name),
    `policies selecting ${w.name}`,
  ).toEqual([w.manifest.metadata.name]);
  return specOf(found[0]!);
}

function containerPort(w: Workload, name: string): number {
  const port = w.pod.containers[0]!.ports?.find((p) => p.name === name)?.containerPort;
  if (port === undefined) throw new Error(`${w.name} has no port ${name}`);
  return port;
}

/** The ingress rules that open this port. */
const rulesFor = (spec: PolicySpec, port: number) => (spec.ingress ?? []).filter((r) => r.ports?.some((p) => p.port === port));

describe('NetworkPolicy with the default values', () => {
  const manifests = renderChart();

  it('renders one ingress policy per service and no egress policy, each valid against the Kubernetes API schema', () => {
    expect(
      policies(manifests)
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual(
      deployments(manifests)
        .map((w) => w.manifest.metadata.name)
        .sort(),
    );
    expect(policies(manifests).every((p) => specOf(p).policyTypes.join() === 'Ingress')).toBe(true);
    expect(schemaProblems(policies(manifests))).toEqual([]);
  });

  it("selects exactly its service's pods", () => {
    for (const w of deployments(manifests)) {
      const spec = policyOf(manifests, w);
      for (const other of deployments(manifests).filter((o) => o.name !== w.name))
        expect(selects(spec.podSelector, other.podLabels), `${w.name} vs ${other.name}`).toBe(false);
    }
  });

  it('opens every gRPC port to the pods of this release only', () => {
    const all = workloads(manifests);
    for (const w of services(manifests).filter((d) => d.manifest.metadata.name !== 'ser-gateway')) {
      const spec = policyOf(manifests, w);
      const rules = rulesFor(spec, containerPort(w, 'grpc'));
      expect(rules, w.name).toEqual([{ ports: [{ port: containerPort(w, 'grpc'), protocol: 'TCP' }], from: [RELEASE_PODS] }]);
      // Every pod of the release (the migrations Job's too) is such a peer, and nothing else is: same namespace only.
      for (const peer of all) expect(selects(RELEASE_PODS.podSelector!, peer.podLabels), peer.name).toBe(true);
    }
  });

  it("opens the gateway's HTTP port to anyone, and nothing else of it but metrics", () => {
    const w = deployments(manifests).find((d) => d.manifest.metadata.name === 'ser-gateway')!;
    const spec = policyOf(manifests, w);
    expect(rulesFor(spec, containerPort(w, 'http'))).toEqual([{ ports: [{ port: containerPort(w, 'http'), protocol: 'TCP' }] }]);
    expect((spec.ingress ?? []).flatMap((r) => r.ports!.map((p) => p.port)).sort()).toEqual([containerPort(w, 'http'), containerPort(w, 'metrics')].sort());
  });

  it("opens the console's HTTP port to anyone, and nothing else of it", () => {
    const w = deployments(manifests).find((d) => d.name === CONSOLE_DEPLOYMENT)!;
    expect(policyOf(manifests, w).ingress).toEqual([{ ports: [{ port: containerPort(w, 'http'), protocol: 'TCP' }] }]);
  });

  it('opens every metrics port to the monitoring namespace only', () => {
    for (const w of services(manifests)) {
      expect(rulesFor(policyOf(manifests, w), containerPort(w, 'metrics')), w.name).toEqual([
        { ports: [{ port: containerPort(w, 'metrics'), protocol: 'TCP' }], from: [MONITORING] },
      ]);
    }
  });
});

describe('NetworkPolicy options', () => {
  it('renders none with networkPolicy.enabled=false', () => {
    expect(policies(renderChart([], ['networkPolicy.enabled=false']))).toEqual([]);
    expect(policies(renderChart([], ['networkPolicy.enabled=false', ...EGRESS]))).toEqual([]);
  });

  it('limits the gateway to gatewayFrom, adds grpcFrom to the gRPC ports, takes metricsFrom, and closes metrics when it is empty', () => {
    const ingressNs: Peer = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } };
    const batch: Peer = { podSelector: { matchLabels: { role: 'corpus-import' } } };
    const set = [
      'networkPolicy.gatewayFrom[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name=ingress-nginx',
      'networkPolicy.grpcFrom[0].podSelector.matchLabels.role=corpus-import',
      'metrics.port=9999',
    ];
    const manifests = renderChart([], set);
    expect(schemaProblems(policies(manifests))).toEqual([]);
    for (const w of services(manifests)) {
      const spec = policyOf(manifests, w);
      const gateway = w.manifest.metadata.name === 'ser-gateway';
      // The console's nginx forwards /graphql to the gateway, so its pods stay peers of the gateway.
      expect(rulesFor(spec, containerPort(w, gateway ? 'http' : 'grpc'))[0]?.from, w.name).toEqual(gateway ? [ingressNs, CONSOLE_PODS] : [RELEASE_PODS, batch]);
      expect(rulesFor(spec, 9999)[0]?.from, w.name).toEqual([MONITORING]);
    }
    const console = deployments(manifests).find((d) => d.name === CONSOLE_DEPLOYMENT)!;
    expect(rulesFor(policyOf(manifests, console), containerPort(console, 'http'))[0]?.from).toEqual([ingressNs]);
    const closed = renderChart([], ['networkPolicy.metricsFrom=null']);
    for (const w of services(closed)) expect(rulesFor(policyOf(closed, w), containerPort(w, 'metrics')), w.name).toEqual([]);
  });

  it('renders no policy for a disabled service', () => {
    const names = policies(renderChart([], ['services.vqvaePretrainer.enabled=false'])).map((p) => p.metadata.name);
    expect(names).not.toContain('ser-vqvae-pretrainer');
    expect(names).toHaveLength(7);
    // The console needs the gateway it forwards to.
    expect(policies(renderChart([], ['services.gateway.enabled=false'])).map((p) => p.metadata.name)).not.toContain('ser-console');
  });

  it('refuses restrictEgress without Kafka and PostgreSQL peers', () => {
    expect(() => renderChart([], ['networkPolicy.restrictEgress=true'])).toThrow(/restrictEgress needs networkPolicy.kafkaTo and networkPolicy.postgresqlTo/);
    expect(() => renderChart([], EGRESS.slice(0, 2))).toThrow(/restrictEgress needs/);
  });

  it('with restrictEgress lets every pod of the release reach only DNS, the release, Kafka, PostgreSQL and extraEgress', () => {
    const manifests = renderChart([], [...EGRESS, 'networkPolicy.kafkaPorts={9092,9093}', 'networkPolicy.extraEgress[0].ports[0].port=4317']);
    expect(schemaProblems(policies(manifests))).toEqual([]);
    const egress = policies(manifests).filter((p) => specOf(p).policyTypes.includes('Egress'));
    expect(egress.map((p) => p.metadata.name)).toEqual(['ser-egress']);
    const spec = specOf(egress[0]!);
    expect(spec.policyTypes).toEqual(['Egress']);
    for (const w of workloads(manifests)) expect(selects(spec.podSelector, w.podLabels), w.name).toBe(true);
    expect(spec.egress).toEqual([
      {
        ports: [
          { port: 53, protocol: 'UDP' },
          { port: 53, protocol: 'TCP' },
        ],
        to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
      },
      { to: [RELEASE_PODS] },
      {
        to: [KAFKA],
        ports: [
          { port: 9092, protocol: 'TCP' },
          { port: 9093, protocol: 'TCP' },
        ],
      },
      { to: [POSTGRES], ports: [{ port: 5432, protocol: 'TCP' }] },
      { ports: [{ port: 4317 }] },
    ]);
  });
});
