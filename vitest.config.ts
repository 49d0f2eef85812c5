import { defineConfig } from 'vitest/config';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

// One alias per tsconfig path so tests import libs exactly as services do (through src/index.ts). Longest first: an
// alias also matches the paths under it, so `@ser/onnx-export` would take `@ser/onnx-export/testing` if tried first.
const tsconfig = JSON.parse(readFileSync(new URL('./tsconfig.base.json', import.meta.url), 'utf8'));
const alias = Object.entries(tsconfig.compilerOptions.paths as Record<string, string[]>)
  .sort(([a], [b]) => b.length - a.length)
  .map(([find, [path]]) => ({ find, replacement: resolve(path!) }));

// Every folder under libs/ and services/ with a project.json is a vitest project named like its nx project.
function projectsUnder(dir: string) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(`${dir}/${name}/project.json`))
    .map((name) => {
      const project = JSON.parse(readFileSync(`${dir}/${name}/project.json`, 'utf8'));
      return {
        extends: true as const, // inherit the root timeouts and pool
        resolve: { alias },
        test: { name: project.name as string, root: '.', include: [`${dir}/${name}/**/*.spec.ts`] },
      };
    });
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Services that tests spawn on their own (main.ts, bundles) refuse to start without a service token secret
    // unless told otherwise; specs that check service auth set a secret, or remove this, themselves.
    env: { SER_SERVICE_AUTH: 'off' },
    projects: [
      ...projectsUnder('libs'),
      ...projectsUnder('services'),
      { extends: true, resolve: { alias }, test: { name: 'e2e', root: '.', include: ['test/**/*.spec.ts'] } },
    ],
  },
});
