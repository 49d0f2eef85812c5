// The chart's service-to-service authentication: every service reads the token key from one Secret, which the
// chart makes (random, accepted by the platform's config) unless an existing one is named.
import { describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '@ser/config';
import { renderChart } from './helm';
import { byKind, deployment, envOf } from './pod-spec';

const SERVICES = ['features', 'fop-pretrainer', 'vqvae-pretrainer', 'classifier-trainer', 'inference', 'model-registry', 'gateway'];

describe('chart service auth', () => {
  const defaults = renderChart();

  it('gives every service SER_SERVICE_TOKEN_SECRET from the release Secret, whose random key the platform accepts', () => {
    for (const name of SERVICES) {
      const c = deployment(defaults, name).pod.containers[0]!;
      expect(envOf(c, 'SER_SERVICE_TOKEN_SECRET'), name).toEqual({
        name: 'SER_SERVICE_TOKEN_SECRET',
        valueFrom: { secretKeyRef: { name: 'ser-service-auth', key: 'service-token-secret' } },
      });
    }
    const secret = byKind(defaults, 'Secret').find((s) => s.metadata.name === 'ser-service-auth');
    expect(secret?.metadata.annotations?.['helm.sh/resource-policy']).toBe('keep');
    const key = Buffer.from((secret!.data as Record<string, string>)['service-token-secret']!, 'base64').toString('utf8');
    expect(key).toMatch(/^[A-Za-z0-9]{48}$/);
    expect(loadPlatformConfig({ env: { SER_SERVICE_TOKEN_SECRET: key } }).serviceAuth.secret).toBe(key);
  });

  it('uses serviceAuth.existingSecret instead of making one', () => {
    const manifests = renderChart([], ['serviceAuth.existingSecret=my-auth', 'serviceAuth.secretKey=hmac']);
    expect(byKind(manifests, 'Secret').map((s) => s.metadata.name)).not.toContain('ser-service-auth');
    for (const name of SERVICES) {
      expect(envOf(deployment(manifests, name).pod.containers[0]!, 'SER_SERVICE_TOKEN_SECRET')?.valueFrom, name).toEqual({
        secretKeyRef: { name: 'my-auth', key: 'hmac' },
      });
    }
  });
});
