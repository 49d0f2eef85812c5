// Image policies, checked statically (no Docker engine needed): multi-stage builds, pinned bases (CUDA + cuDNN
// for the trainers' tfjs-node-gpu, at the versions native-tensorflow-pins.spec.ts checks; slim Node 20 for the rest), the service's esbuild bundle with only its
// external production dependencies, a numeric non-root user, a HEALTHCHECK on the service's port, ffmpeg where
// audio is decoded. test/deploy/bundles.spec.ts builds the bundles and starts them.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { platformConfigSchema } from '@ser/config';
import { REPO_ROOT } from './helm';
import { dockerfiles, jsonArgs, parseStages, type Stage } from './dockerfile-stages';

const ports = platformConfigSchema.parse({}).ports;
const IMAGES = {
  features: { gpu: false, ffmpeg: true, port: ports.features },
  'fop-pretrainer': { gpu: true, ffmpeg: false, port: ports.fopPretrainer },
  'vqvae-pretrainer': { gpu: true, ffmpeg: false, port: ports.vqvaePretrainer },
  'classifier-trainer': { gpu: true, ffmpeg: false, port: ports.classifierTrainer },
  inference: { gpu: false, ffmpeg: true, port: ports.inference },
  'model-registry': { gpu: false, ffmpeg: false, port: ports.modelRegistry },
  gateway: { gpu: false, ffmpeg: false, port: ports.gateway },
} as const;

const runs = (stage: Stage) => stage.steps.filter((s) => s.keyword === 'RUN').map((s) => s.args);
const last = (stage: Stage, keyword: string) => stage.steps.filter((s) => s.keyword === keyword).at(-1);

it('has one Dockerfile per deployable service', () => {
  // The web console is a static nginx image with checks of its own (console-image.spec.ts).
  const services = readdirSync(`${REPO_ROOT}services`).filter((s) => !['all-in-one', 'cli', 'console'].includes(s));
  expect(dockerfiles()).toContain('console.Dockerfile');
  expect(
    dockerfiles()
      .map((f) => f.replace('.Dockerfile', ''))
      .filter((f) => f !== 'console')
      .sort(),
  ).toEqual(services.sort());
  expect(Object.keys(IMAGES).sort()).toEqual(services.sort());
});

it('keeps dependencies, local state and git out of the build context', () => {
  const ignored = readFileSync(`${REPO_ROOT}.dockerignore`, 'utf8').split('\n');
  for (const entry of ['**/node_modules', '.git', '.data', '.cache']) expect(ignored).toContain(entry);
});

describe.each(Object.entries(IMAGES))('%s image', (service, want) => {
  const stages = parseStages(`${service}.Dockerfile`);
  const final = stages.at(-1)!;
  const builders = stages.slice(0, -1);

  it('is a multi-stage build whose final stage copies node_modules from a build stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const copied = final.steps.filter((s) => s.keyword === 'COPY' && s.flags.from && builders.some((b) => b.alias === s.flags.from));
    expect(copied.map((s) => s.args)).toContainEqual(expect.stringMatching(/node_modules node_modules$/));
  });

  it('pins every base image to a version tag or digest', () => {
    for (const [index, stage] of stages.entries()) {
      // A stage built on an earlier one inherits that one's pinned base.
      if (stages.slice(0, index).some((earlier) => earlier.alias === stage.image)) continue;
      const pinned = !!stage.digest || (!!stage.tag && stage.tag !== 'latest' && /^\d+\.\d+\.\d+/.test(stage.tag));
      expect(pinned, `FROM ${stage.image}`).toBe(true);
    }
  });

  it(want.gpu ? 'ships on a CUDA runtime with tfjs-node-gpu built from the GPU variant' : 'ships on slim Node 20 with tfjs-node', () => {
    const install = builders.flatMap(runs).join('\n');
    if (want.gpu) {
      expect(final.name).toBe('nvidia/cuda');
      expect(final.tag).toMatch(/^\d+\.\d+\.\d+-cudnn\d+-runtime-ubuntu/);
      // npm's own install script would fetch libtensorflow 2.9.1 (CUDA 11); the build script uses the pinned wheel.
      expect(install).toMatch(/\bTFJS_NATIVE_VARIANT=gpu bash deploy\/tfjs-native\/build\.sh\b/);
      expect(install).not.toMatch(/npm rebuild @tensorflow\/tfjs-node-gpu\b/);
      // Node itself comes from a pinned Node 20 stage.
      const node = final.steps.find((s) => s.keyword === 'COPY' && s.args.startsWith('/usr/local/bin/node '));
      expect(stages.find((s) => s.alias === node?.flags.from)?.tag).toMatch(/^20\.\d+\.\d+-/);
    } else {
      expect(final.name).toBe('node');
      expect(final.tag).toMatch(/^20\.\d+\.\d+-\w+-slim$/);
      expect(install).toMatch(/npm rebuild @tensorflow\/tfjs-node(?!-gpu)/);
    }
  });

  it('ships production dependencies only, and runs nothing with npm in the final stage', () => {
    // The stage whose node_modules the final image copies installs the bundle's package.json without dev dependencies.
    const from = final.steps.find((st) => st.keyword === 'COPY' && /node_modules node_modules$/.test(st.args))!.flags.from;
    const deps = builders.find((b) => b.alias === from)!;
    const installs = runs(deps).filter((r) => /\bnpm (ci|install|i)\b/.test(r));
    expect(installs.length).toBeGreaterThan(0);
    for (const r of installs) expect(r).toMatch(/--omit=dev\b/);
    // Besides the bundle's package.json, GPU images copy in the tfjs-node-gpu package their native stage built.
    const gpuPackage = '/src/node_modules/@tensorflow/tfjs-node-gpu node_modules/@tensorflow/tfjs-node-gpu';
    expect(deps.steps.filter((st) => st.keyword === 'COPY').map((st) => st.args)).toEqual([
      `/src/dist/bundles/${service}/package.json ./`,
      ...(want.gpu ? [gpuPackage] : []),
    ]);
    expect(runs(final).filter((r) => /\bnpm\b/.test(r))).toEqual([]);
  });

  it('runs the esbuild bundle of the service: no sources and no TypeScript compiler in the final stage', () => {
    const bundler = builders.find((b) => runs(b).some((r) => r.includes(`deploy/bundle/bundle-services.ts ${service}`)));
    expect(bundler, 'a stage that bundles the service').toBeDefined();
    const copies = final.steps.filter((st) => st.keyword === 'COPY');
    expect(copies.filter((st) => !st.flags.from).map((st) => st.args)).toEqual([]);
    expect(copies.filter((st) => st.flags.from === bundler!.alias).map((st) => st.args)).toEqual([`/src/dist/bundles/${service} ./`]);
  });

  it('runs as a numeric non-root user', () => {
    const user = last(final, 'USER')?.args ?? '';
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user.split(':')[0])).toBeGreaterThan(0);
    // Nothing after USER switches back.
    const index = final.steps.findIndex((s) => s.keyword === 'USER' && s.args === user);
    expect(final.steps.slice(index).filter((s) => s.keyword === 'RUN')).toEqual([]);
  });

  it(`exposes ${want.port}, health-checks it and starts the bundle's main.js`, () => {
    expect(last(final, 'EXPOSE')?.args).toBe(String(want.port));
    const check = jsonArgs(last(final, 'HEALTHCHECK')?.args ?? 'null');
    expect(check.slice(0, 4)).toEqual(['node', 'healthcheck.js', service === 'gateway' ? 'http' : 'grpc', String(want.port)]);
    expect(jsonArgs(last(final, 'CMD')?.args ?? 'null')).toEqual(['node', 'main.js']);
    expect(existsSync(`${REPO_ROOT}services/${service}/src/main.ts`)).toBe(true);
  });

  it(want.ffmpeg ? 'installs ffmpeg in the final image' : 'leaves ffmpeg out', () => {
    expect(runs(final).some((r) => /apt-get install[^&]*\bffmpeg\b/.test(r))).toBe(want.ffmpeg);
  });

  it('copies only paths that exist in the repository', () => {
    for (const s of stages.flatMap((st) => st.steps).filter((x) => x.keyword === 'COPY' && !x.flags.from)) {
      const sources = s.args.split(' ').slice(0, -1);
      for (const src of sources) expect(existsSync(`${REPO_ROOT}${src}`), `COPY ${src}`).toBe(true);
    }
  });
});
