// Typed views of the parts of rendered workloads the policy checks read.
import type { Manifest } from './helm';

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}
export interface Probe {
  grpc?: { port: number; service?: string };
  httpGet?: { path: string; port: string | number; httpHeaders?: Array<{ name: string; value: string }> };
  tcpSocket?: { port: string | number };
}
export interface Container {
  name: string;
  image: string;
  command?: string[];
  env?: EnvVar[];
  ports?: Array<{ name: string; containerPort: number }>;
  resources?: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean };
  volumeMounts?: Array<{ name: string; mountPath: string }>;
}
export interface Volume {
  name: string;
  emptyDir?: object;
  persistentVolumeClaim?: { claimName: string };
}
export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
  nodeSelector?: Record<string, string>;
  tolerations?: Array<{ key?: string; operator?: string; effect?: string }>;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
}
export interface Workload {
  manifest: Manifest;
  name: string;
  pod: PodSpec;
  podLabels: Record<string, string>;
}

/** Deployments and Jobs with their pod templates. */
export function workloads(manifests: Manifest[]): Workload[] {
  return manifests
    .filter((m) => m.kind === 'Deployment' || m.kind === 'Job')
    .map((m) => {
      const template = (m.spec as { template: { metadata?: { labels?: Record<string, string> }; spec: PodSpec } }).template;
      return { manifest: m, name: `${m.kind}/${m.metadata.name}`, pod: template.spec, podLabels: template.metadata?.labels ?? {} };
    });
}

/** The name of the web console's Deployment: nginx and static files, none of the platform's SER_* wiring. */
export const CONSOLE_DEPLOYMENT = 'Deployment/ser-console';

/** The workloads that run the platform's Node services (everything but the console), with their Kafka, database and volumes. */
export function platformWorkloads(manifests: Manifest[]): Workload[] {
  return workloads(manifests).filter((w) => w.name !== CONSOLE_DEPLOYMENT);
}

export function allContainers(pod: PodSpec): Container[] {
  return [...(pod.initContainers ?? []), ...pod.containers];
}

export function envOf(container: Container, name: string): EnvVar | undefined {
  return container.env?.find((e) => e.name === name);
}

export function byKind(manifests: Manifest[], kind: string): Manifest[] {
  return manifests.filter((m) => m.kind === kind);
}

export function deployment(manifests: Manifest[], service: string): Workload {
  const found = workloads(manifests).find((w) => w.name === `Deployment/ser-${service}`);
  if (!found) throw new Error(`no Deployment ser-${service} rendered`);
  return found;
}
