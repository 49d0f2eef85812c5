// Runs the helm binary the tests need: built from the Go module proxy into .cache/tools/bin by
// scripts/ensure-prereqs.sh, or any helm 3 on PATH. Missing helm is a failure with the fix, never a skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHART_DIR = `${REPO_ROOT}deploy/helm/ser`;
export const KUBE_VERSION = '1.30.0';
const LOCAL_HELM = `${REPO_ROOT}.cache/tools/bin/helm`;

/** A rendered Kubernetes object (only the fields every object has are typed). */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export function helmBinary(): string {
  if (existsSync(LOCAL_HELM)) return LOCAL_HELM;
  if (spawnSync('helm', ['version', '--short']).status === 0) return 'helm';
  throw new Error(
    `helm is missing: neither ${LOCAL_HELM} nor helm on PATH. Run scripts/ensure-prereqs.sh, which builds it with ` +
      '`GOBIN=$PWD/.cache/tools/bin go install helm.sh/helm/v3/cmd/helm@v3.16.4`.',
  );
}

/** `helm <args>`; throws with helm's own message when it exits non-zero. */
export function helm(args: string[]): string {
  const binary = helmBinary();
  try {
    return execFileSync(binary, args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`helm ${args.join(' ')} failed:\n${e.stderr || e.stdout || e.message}`);
  }
}

/** `helm template` of the chart with these values files (relative to the chart) and --set pairs, parsed. */
export function renderChart(valuesFiles: string[] = [], set: string[] = []): Manifest[] {
  // helm template assumes Kubernetes 1.20 without a cluster; the chart needs 1.27+ (native gRPC probes).
  const args = ['template', 'ser', CHART_DIR, '--namespace', 'ser', '--kube-version', KUBE_VERSION];
  for (const file of valuesFiles) args.push('-f', `${CHART_DIR}/${file}`);
  for (const pair of set) args.push('--set', pair);
  const docs = parseAllDocuments(helm(args));
  // Duplicate keys and the like: YAML that kubectl would reject or read differently.
  const errors = docs.flatMap((doc) => doc.errors.map((e) => e.message));
  if (errors.length > 0) throw new Error(`helm template rendered invalid YAML:\n${errors.join('\n')}`);
  return docs.map((doc) => doc.toJS() as Manifest | null).filter((m): m is Manifest => m !== null);
}
