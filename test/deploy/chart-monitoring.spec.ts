// The chart's Grafana dashboards and Prometheus alerts: shipped only when asked, exactly as the files in the chart.
// That they name only exported metrics is test/system/metrics.spec.ts's check (it scrapes the services).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderChart } from './helm';
import { alertRules, dashboards, DASHBOARDS_DIR, metricNames } from './monitoring-files';
import { byKind } from './pod-spec';

describe('monitoring in the chart', () => {
  it('renders neither the dashboards nor the alerts by default', () => {
    const defaults = renderChart();
    expect(byKind(defaults, 'PrometheusRule')).toEqual([]);
    expect(byKind(defaults, 'ConfigMap').filter((c) => c.metadata.name.includes('dashboard'))).toEqual([]);
  });

  it('ships each dashboard as a ConfigMap with the Grafana sidecar label, and the alerts as a PrometheusRule', () => {
    const all = renderChart(
      [],
      [
        'metrics.dashboards.enabled=true',
        'metrics.dashboards.annotations.grafana_folder=SER',
        'metrics.prometheusRule.enabled=true',
        'metrics.prometheusRule.labels.release=kps',
      ],
    );
    const maps = byKind(all, 'ConfigMap').filter((c) => c.metadata.name.includes('dashboard'));
    expect(maps.length).toBe(dashboards().size);
    for (const [file, dashboard] of dashboards()) {
      const map = maps.find((m) => (m as { data?: Record<string, string> }).data?.[file] !== undefined);
      expect(map, file).toBeDefined();
      expect(map!.metadata.labels).toMatchObject({ grafana_dashboard: '1', 'app.kubernetes.io/part-of': 'ser' });
      expect(map!.metadata.annotations).toEqual({ grafana_folder: 'SER' });
      const shipped = (map as unknown as { data: Record<string, string> }).data[file]!;
      expect(shipped).toBe(readFileSync(`${DASHBOARDS_DIR}/${file}`, 'utf8').trimEnd());
      expect(JSON.parse(shipped).uid).toBe(dashboard.uid);
    }
    const [rule] = byKind(all, 'PrometheusRule');
    expect(rule?.metadata.labels).toMatchObject({ release: 'kps' });
    expect(rule?.spec).toEqual(alertRules());
  });

  it('has dashboards whose panels all query something, and alerts with a severity', () => {
    for (const [file, dashboard] of dashboards()) {
      for (const panel of dashboard.panels.filter((p) => p.type !== 'row')) {
        expect(panel.targets?.length, `${file}: ${panel.title}`).toBeGreaterThan(0);
        for (const t of panel.targets!) expect(metricNames(t.expr).length, `${file}: ${panel.title}`).toBeGreaterThan(0);
      }
    }
    for (const group of alertRules().groups)
      for (const rule of group.rules) expect(['info', 'warning', 'critical'], rule.alert).toContain(rule.labels?.severity);
  });

  it('reads metric names out of PromQL, not label names, functions or variables', () => {
    expect(metricNames('histogram_quantile(0.95, sum by (le, model_name) (rate(ser_x_bucket{namespace=~"$namespace", a="b c"}[$__rate_interval])))')).toEqual([
      'ser_x_bucket',
    ]);
    expect(metricNames('sum by (topic) (increase(a_total[5m])) / on (topic) group_left b > 0 and c offset 1h')).toEqual(['a_total', 'b', 'c']);
  });
});
