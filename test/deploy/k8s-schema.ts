// Offline validation of rendered objects against the Kubernetes API's OpenAPI schemas (kubernetes-models: one
// class per kind, validate() throws on a wrong type, a missing required field or an unknown enum value).
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { Manifest } from './helm';

type Validator = (m: Manifest) => void;

const validators: Record<string, Validator> = {
  'apps/v1/Deployment': (m) => new Deployment(m as never).validate(),
  'autoscaling/v2/HorizontalPodAutoscaler': (m) => new HorizontalPodAutoscaler(m as never).validate(),
  'batch/v1/Job': (m) => new Job(m as never).validate(),
  'networking.k8s.io/v1/Ingress': (m) => new Ingress(m as never).validate(),
  'networking.k8s.io/v1/NetworkPolicy': (m) => new NetworkPolicy(m as never).validate(),
  'policy/v1/PodDisruptionBudget': (m) => new PodDisruptionBudget(m as never).validate(),
  'v1/ConfigMap': (m) => new ConfigMap(m as never).validate(),
  'v1/PersistentVolumeClaim': (m) => new PersistentVolumeClaim(m as never).validate(),
  'v1/Secret': (m) => new Secret(m as never).validate(),
  'v1/Service': (m) => new Service(m as never).validate(),
  'v1/ServiceAccount': (m) => new ServiceAccount(m as never).validate(),
  // A CRD of the Prometheus Operator, not in the Kubernetes API: checked for the fields Prometheus needs.
  'monitoring.coreos.com/v1/ServiceMonitor': (m) => {
    const spec = m.spec as { selector?: { matchLabels?: object }; endpoints?: Array<{ port?: string; path?: string }> } | undefined;
    if (!spec?.selector?.matchLabels) throw new Error('spec.selector.matchLabels is required');
    if (!spec.endpoints?.length || spec.endpoints.some((e) => !e.port || !e.path)) throw new Error('every endpoint needs a port and a path');
  },
  // Also the Operator's: rule groups, each rule an alert or a recording with an expression.
  'monitoring.coreos.com/v1/PrometheusRule': (m) => {
    const spec = m.spec as { groups?: Array<{ name?: string; rules?: Array<{ alert?: string; record?: string; expr?: unknown }> }> } | undefined;
    if (!spec?.groups?.length) throw new Error('spec.groups is required');
    for (const g of spec.groups) {
      if (!g.name || !g.rules?.length) throw new Error('every group needs a name and rules');
      if (g.rules.some((r) => !(r.alert || r.record) || typeof r.expr !== 'string'))
        throw new Error(`group ${g.name}: every rule needs alert or record, and expr`);
    }
  },
  // KEDA's CRD (keda.sh/v1alpha1): the fields its admission webhook and operator need.
  'keda.sh/v1alpha1/ScaledObject': (m) => {
    const spec = m.spec as
      | {
          scaleTargetRef?: { name?: string };
          minReplicaCount?: unknown;
          maxReplicaCount?: unknown;
          triggers?: Array<{ type?: string; metadata?: Record<string, unknown> }>;
        }
      | undefined;
    if (!spec?.scaleTargetRef?.name) throw new Error('spec.scaleTargetRef.name is required');
    for (const field of ['minReplicaCount', 'maxReplicaCount'] as const) {
      if (spec[field] !== undefined && !Number.isInteger(spec[field])) throw new Error(`spec.${field} must be an integer`);
    }
    if (!spec.triggers?.length) throw new Error('spec.triggers is required');
    // Trigger metadata values are strings in the CRD (map[string]string): a number there is refused.
    for (const t of spec.triggers) {
      if (!t.type) throw new Error('every trigger needs a type');
      for (const [k, v] of Object.entries(t.metadata ?? {})) if (typeof v !== 'string') throw new Error(`trigger ${t.type}: metadata.${k} must be a string`);
    }
  },
};

/** Problems of each object, as `Kind/name: message`; empty when every object is valid. */
export function schemaProblems(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const m of manifests) {
    const id = `${m.kind}/${m.metadata?.name}`;
    const validate = validators[`${m.apiVersion}/${m.kind}`];
    if (!validate) {
      problems.push(`${id}: no schema for ${m.apiVersion} ${m.kind} (add it to test/deploy/k8s-schema.ts)`);
      continue;
    }
    try {
      validate(m);
    } catch (err) {
      problems.push(`${id}: ${(err as Error).message}`);
    }
  }
  return problems;
}
