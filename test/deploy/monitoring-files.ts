// The chart's monitoring files (Grafana dashboards, Prometheus alerts) and the metric names their PromQL uses,
// for the chart tests and for test/system/metrics.spec.ts, which checks every one against what services export.
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { CHART_DIR } from './helm';

export const DASHBOARDS_DIR = `${CHART_DIR}/dashboards`;
export const ALERTS_FILE = `${CHART_DIR}/rules/ser-alerts.yaml`;

export interface Dashboard {
  title: string;
  uid: string;
  panels: Array<{ type: string; title: string; targets?: Array<{ expr: string }> }>;
}

export interface RuleGroups {
  groups: Array<{ name: string; rules: Array<{ alert?: string; record?: string; expr: string; for?: string; labels?: Record<string, string> }> }>;
}

/** Every dashboard JSON file of the chart, by file name. */
export function dashboards(): Map<string, Dashboard> {
  const files = readdirSync(DASHBOARDS_DIR).filter((f) => f.endsWith('.json'));
  return new Map(files.map((f) => [f, JSON.parse(readFileSync(`${DASHBOARDS_DIR}/${f}`, 'utf8')) as Dashboard]));
}

export function alertRules(): RuleGroups {
  return parse(readFileSync(ALERTS_FILE, 'utf8')) as RuleGroups;
}

/** Every PromQL expression of the dashboards and alerts, with where it comes from. */
export function monitoringExpressions(): Array<{ where: string; expr: string }> {
  const found: Array<{ where: string; expr: string }> = [];
  for (const [file, dashboard] of dashboards()) {
    for (const panel of dashboard.panels) for (const t of panel.targets ?? []) found.push({ where: `${file}: ${panel.title}`, expr: t.expr });
  }
  for (const group of alertRules().groups) for (const rule of group.rules) found.push({ where: `alert ${rule.alert ?? rule.record}`, expr: rule.expr });
  return found;
}

const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);

/**
 * The metric names a PromQL expression selects: identifiers that are not functions or aggregations (followed by
 * `(`), keywords, label names (inside `{...}`, `by (...)` and the like), Grafana variables, or durations.
 */
export function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""') // string literals (label values)
    .replace(/\{[^}]*\}/g, '') // label matchers
    .replace(/\[[^\]]*\]/g, '') // range and subquery windows
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '') // label lists
    .replace(/\$\w+/g, '') // Grafana variables
    .replace(/(?<![A-Za-z0-9_:])\d[\w.]*/g, ''); // numbers and durations (0.95, 1e3, 1h)
  const names = new Set<string>();
  for (const m of stripped.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const rest = stripped.slice(m.index + m[0].length);
    if (/^\s*\(/.test(rest) || KEYWORDS.has(m[0].toLowerCase())) continue;
    names.add(m[0]);
  }
  return [...names];
}
