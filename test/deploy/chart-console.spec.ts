// The web console in the chart: its nginx image forwards /graphql to the gateway's Service, runs with the chart's
// read-only root filesystem, and takes the Ingress's other paths. The image itself: console-image.spec.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderChart, REPO_ROOT, type Manifest } from './helm';
import { byKind, deployment, envOf } from './pod-spec';

type ServiceSpec = { selector: Record<string, string>; ports: Array<{ name: string; port: number; targetPort: string }> };
const serviceSpec = (manifests: Manifest[], name: string) =>
  byKind(manifests, 'Service').find((s) => s.metadata.name === name)?.spec as ServiceSpec | undefined;
const nginxSite = readFileSync(`${REPO_ROOT}deploy/docker/console-nginx.conf.template`, 'utf8');

describe('the console in the chart', () => {
  const manifests = renderChart();
  const console = deployment(manifests, 'console');
  const container = console.pod.containers[0]!;

  it('forwards /graphql to the port of the gateway Service the chart renders', () => {
    // Parsed by hand: URL drops an http scheme's default port 80.
    const [, host, port] = /^http:\/\/([a-z0-9-]+):(\d+)$/.exec(envOf(container, 'SER_GATEWAY_UPSTREAM')!.value!)!;
    expect(nginxSite).toContain('proxy_pass ${SER_GATEWAY_UPSTREAM}');
    expect(serviceSpec(manifests, host!)?.ports.find((p) => p.name === 'http')?.port).toBe(Number(port));
    expect(serviceSpec(renderChart([], ['gatewayService.port=8081']), 'ser-gateway')?.ports[0]?.port).toBe(8081);
    expect(envOf(deployment(renderChart([], ['gatewayService.port=8081']), 'console').pod.containers[0]!, 'SER_GATEWAY_UPSTREAM')?.value).toBe(
      'http://ser-gateway:8081',
    );
  });

  it('listens where nginx listens, behind a Service selecting only its pods', () => {
    const listen = Number(/listen (\d+);/.exec(nginxSite)?.[1]);
    expect(container.ports).toEqual([{ name: 'http', containerPort: listen, protocol: 'TCP' }]);
    const svc = serviceSpec(manifests, 'ser-console')!;
    expect(svc.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]);
    expect(svc.selector).toEqual({ 'app.kubernetes.io/name': 'console', 'app.kubernetes.io/instance': 'ser' });
  });

  it('gives nginx writable emptyDirs where the read-only root needs them: /tmp and the rendered site in conf.d', () => {
    for (const path of ['/tmp', '/etc/nginx/conf.d']) {
      const mount = container.volumeMounts?.find((m) => m.mountPath === path);
      expect(console.pod.volumes?.find((v) => v.name === mount?.name)?.emptyDir, path).toBeDefined();
    }
    expect(container.env?.map((e) => e.name)).toEqual(['SER_GATEWAY_UPSTREAM']);
  });

  it('takes every path but /graphql and /exports of the Ingress host', () => {
    const [ingress] = byKind(renderChart([], ['ingress.enabled=true']), 'Ingress');
    type Path = { path: string; backend: { service: { name: string; port: { name: string } } } };
    const paths = (ingress?.spec as { rules: Array<{ http: { paths: Path[] } }> }).rules[0]!.http.paths;
    expect(paths.map((p) => [p.path, p.backend.service.name, p.backend.service.port.name])).toEqual([
      ['/graphql', 'ser-gateway', 'http'],
      ['/exports', 'ser-gateway', 'http'],
      ['/', 'ser-console', 'http'],
    ]);
  });

  it('renders nothing of it with console.enabled=false, or without the gateway it forwards to', () => {
    for (const set of ['console.enabled=false', 'services.gateway.enabled=false']) {
      const names = renderChart([], [set]).map((m) => `${m.kind}/${m.metadata.name}`);
      expect(
        names.filter((n) => n.endsWith('/ser-console')),
        set,
      ).toEqual([]);
    }
  });
});
