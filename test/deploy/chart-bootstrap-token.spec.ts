// The first admin token on a cluster: the chart mounts a Secret the operator made into the gateway pod only.
import { describe, expect, it } from 'vitest';
import { renderChart } from './helm';
import { schemaProblems } from './k8s-schema';
import { deployment, envOf, workloads } from './pod-spec';

const SECRET = ['services.gateway.bootstrapAdminToken.existingSecret=ser-bootstrap-admin', 'services.gateway.bootstrapAdminToken.key=admin-token'];

describe('services.gateway.bootstrapAdminToken', () => {
  it('mounts the Secret key read-only in the gateway and points SER_BOOTSTRAP_ADMIN_TOKEN_FILE at it', () => {
    const manifests = renderChart([], SECRET);
    const gateway = deployment(manifests, 'gateway');
    const container = gateway.pod.containers[0]!;
    const file = envOf(container, 'SER_BOOTSTRAP_ADMIN_TOKEN_FILE')?.value;
    expect(file).toBe('/var/run/secrets/ser/bootstrap-admin/token');
    const mount = container.volumeMounts!.find((m) => m.name === 'bootstrap-admin-token');
    expect(mount).toEqual({ name: 'bootstrap-admin-token', mountPath: '/var/run/secrets/ser/bootstrap-admin', readOnly: true });
    const volume = gateway.pod.volumes!.find((v) => v.name === 'bootstrap-admin-token') as unknown as { secret: Record<string, unknown> };
    expect(volume.secret).toEqual({ secretName: 'ser-bootstrap-admin', items: [{ key: 'admin-token', path: 'token' }], defaultMode: 0o440 });
    expect(`${mount!.mountPath}/token`).toBe(file);
    expect(schemaProblems([gateway.manifest])).toEqual([]);
    // No other workload sees it, and the value never appears in an env var.
    for (const w of workloads(manifests).filter((w) => w.name !== gateway.name)) {
      expect(JSON.stringify(w.pod), w.name).not.toContain('bootstrap-admin');
    }
    expect(envOf(container, 'SER_BOOTSTRAP_ADMIN_TOKEN')).toBeUndefined();
  });

  it('renders nothing of it by default', () => {
    expect(JSON.stringify(deployment(renderChart(), 'gateway').pod)).not.toContain('bootstrap-admin');
  });
});
