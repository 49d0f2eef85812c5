// The web console's image, checked statically like the services' images (dockerfiles.spec.ts): a Node build stage,
// then nginx serving the built files and forwarding /graphql, both bases pinned, a numeric non-root user.
import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './helm';
import { jsonArgs, parseStages } from './dockerfile-stages';

const stages = parseStages('console.Dockerfile');
const final = stages.at(-1)!;
const build = stages[0]!;
const step = (keyword: string) => final.steps.filter((s) => s.keyword === keyword).at(-1);

it('builds the console with Vite in a pinned Node 20 stage and ships only its output on pinned nginx', () => {
  expect(build.name).toBe('node');
  expect(build.tag).toMatch(/^20\.\d+\.\d+-\w+-slim$/);
  expect(build.steps.filter((s) => s.keyword === 'RUN').map((s) => s.args)).toContainEqual(expect.stringMatching(/vite build/));
  expect(final.name).toBe('nginxinc/nginx-unprivileged');
  expect(final.tag).toMatch(/^\d+\.\d+\.\d+-alpine$/);
  const copied = final.steps.filter((s) => s.keyword === 'COPY' && s.flags.from === build.alias).map((s) => s.args);
  expect(copied).toEqual(['/src/services/console/dist /usr/share/nginx/html']);
});

it('runs as a numeric non-root user, exposes 8080 and health-checks it', () => {
  expect(step('USER')?.args).toMatch(/^[1-9]\d*:\d+$/);
  expect(step('EXPOSE')?.args).toBe('8080');
  expect(jsonArgs(step('HEALTHCHECK')?.args ?? 'null')).toContain('http://127.0.0.1:8080/healthz');
});

it('serves index.html for page paths and forwards /graphql with WebSocket upgrades to the configured gateway', () => {
  const conf = readFileSync(`${REPO_ROOT}deploy/docker/console-nginx.conf.template`, 'utf8');
  expect(conf).toMatch(/listen 8080;/);
  expect(conf).toMatch(/try_files \$uri \/index\.html;/);
  expect(conf).toMatch(/location \/graphql \{[^}]*proxy_pass \$\{SER_GATEWAY_UPSTREAM\};[^}]*proxy_set_header Upgrade \$http_upgrade;/s);
  // Model export downloads go to the gateway too, unbuffered: a file streams to the browser as the registry sends it.
  expect(conf).toMatch(/location \/exports\/ \{[^}]*proxy_pass \$\{SER_GATEWAY_UPSTREAM\};[^}]*proxy_buffering off;/s);
  expect(final.steps.some((s) => s.keyword === 'ENV' && s.args.startsWith('SER_GATEWAY_UPSTREAM='))).toBe(true);
});

it('copies only paths that exist in the repository', () => {
  for (const s of stages.flatMap((st) => st.steps).filter((x) => x.keyword === 'COPY' && !x.flags.from)) {
    for (const src of s.args.split(' ').slice(0, -1)) expect(existsSync(`${REPO_ROOT}${src}`), `COPY ${src}`).toBe(true);
  }
});
