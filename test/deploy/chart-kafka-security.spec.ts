// The chart's Kafka TLS and SASL settings: every pod that talks to Kafka (services and the migrations Job) gets the
// same SER_KAFKA_* variables, the credentials from a Secret and the CA mounted where SER_KAFKA_TLS_CA_FILE points.
import { describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import { renderChart } from './helm';
import { schemaProblems } from './k8s-schema';
import { allContainers, envOf, workloads } from './pod-spec';

const SECURE = ['kafka.tls.enabled=true', 'kafka.tls.caSecret=kafka-ca', 'kafka.sasl.mechanism=scram-sha-512', 'kafka.sasl.existingSecret=kafka-user'];

describe('chart Kafka security', () => {
  it('is plaintext by default', () => {
    for (const w of workloads(renderChart())) {
      for (const c of allContainers(w.pod))
        for (const name of ['SER_KAFKA_TLS', 'SER_KAFKA_SASL_MECHANISM']) expect(envOf(c, name), `${w.name}/${c.name}`).toBeUndefined();
    }
  });

  it('gives every Kafka client TLS with the mounted CA and SCRAM credentials from the Secret', () => {
    const manifests = renderChart([], SECURE);
    expect(schemaProblems(manifests)).toEqual([]);
    const kafkaClients = workloads(manifests).flatMap((w) =>
      allContainers(w.pod)
        .filter((c) => envOf(c, 'SER_KAFKA_BROKERS'))
        .map((c) => ({ w, c })),
    );
    expect(kafkaClients.length).toBeGreaterThanOrEqual(8); // six services, migrate and create-topics
    for (const { w, c } of kafkaClients) {
      const id = `${w.name}/${c.name}`;
      expect(envOf(c, 'SER_KAFKA_TLS')?.value, id).toBe('true');
      expect(envOf(c, 'SER_KAFKA_TLS_CA_FILE')?.value, id).toBe('/etc/ser/kafka-ca/ca.crt');
      expect(c.volumeMounts, id).toContainEqual({ name: 'kafka-ca', mountPath: '/etc/ser/kafka-ca', readOnly: true });
      expect(w.pod.volumes, id).toContainEqual({ name: 'kafka-ca', secret: { secretName: 'kafka-ca' } });
      expect(envOf(c, 'SER_KAFKA_SASL_MECHANISM')?.value, id).toBe('scram-sha-512');
      expect(envOf(c, 'SER_KAFKA_SASL_USERNAME')?.valueFrom, id).toEqual({ secretKeyRef: { name: 'kafka-user', key: 'username' } });
      expect(envOf(c, 'SER_KAFKA_SASL_PASSWORD')?.valueFrom, id).toEqual({ secretKeyRef: { name: 'kafka-user', key: 'password' } });
      // What the platform makes of those variables once Kubernetes fills in the Secret's values.
      const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value ?? `from-${e.valueFrom?.secretKeyRef?.key}`.padEnd(32, '-')]));
      const { bus } = loadPlatformConfig({ env: { ...env, SER_STORE: 'pglite' } });
      expect(bus.tls).toEqual({ enabled: true, caFile: '/etc/ser/kafka-ca/ca.crt', rejectUnauthorized: true });
      expect(bus.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'from-username'.padEnd(32, '-'), password: 'from-password'.padEnd(32, '-') });
    }
  });

  it('refuses a SASL mechanism without a credentials Secret', () => {
    expect(() => renderChart([], ['kafka.sasl.mechanism=scram-sha-512'])).toThrow(/kafka.sasl.existingSecret is required/);
  });
});
