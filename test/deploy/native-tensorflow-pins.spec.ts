// One TensorFlow everywhere: development (deploy/tfjs-native/build.sh, tensorflow-cpu wheel) and the GPU images
// (the same script's GPU variant, tensorflow wheel) take their versions from deploy/tfjs-native/versions.env, and the
// GPU images' nvidia/cuda base must carry the CUDA and cuDNN that wheel was built for. Checked statically.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helm';
import { dockerfiles, parseStages } from './dockerfile-stages';

const NATIVE_DIR = `${REPO_ROOT}deploy/tfjs-native`;

const PIN_NAMES = ['TFJS_NODE_VERSION', 'TF_VERSION', 'TF_CUDA_VERSION', 'TF_CUDNN_VERSION'] as const;
type Pins = Record<(typeof PIN_NAMES)[number], string>;

function readPins(): Pins {
  const lines = readFileSync(`${NATIVE_DIR}/versions.env`, 'utf8').split('\n');
  const entries = lines.map((line) => /^([A-Z_]+)=(\S+)$/.exec(line.trim())).filter((m) => m !== null);
  const pins: Record<string, string> = Object.fromEntries(entries.map((m) => [m[1], m[2]]));
  for (const name of PIN_NAMES) if (!pins[name]) throw new Error(`deploy/tfjs-native/versions.env has no ${name}`);
  return pins as Pins;
}

const pins = readPins();
const gpuImages = dockerfiles().filter((file) => parseStages(file).at(-1)?.name === 'nvidia/cuda');

it('pins tfjs-node, TensorFlow, CUDA and cuDNN versions', () => {
  expect(pins.TFJS_NODE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  expect(pins.TF_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  expect(pins.TF_CUDA_VERSION).toMatch(/^\d+\.\d+$/);
  expect(pins.TF_CUDNN_VERSION).toMatch(/^\d+\.\d+$/);
});

it('has the build script read its versions from versions.env instead of its own literals', () => {
  const script = readFileSync(`${NATIVE_DIR}/build.sh`, 'utf8');
  expect(script).toMatch(/^source "\$HERE\/versions\.env"$/m);
  expect(script).not.toMatch(/^\s*(TF_VERSION|TFJS_NODE_VERSION)=\d/m);
});

it('matches the project: @tensorflow/tfjs and the optional native packages are the pinned tfjs-node version', () => {
  const pkg = JSON.parse(readFileSync(`${REPO_ROOT}package.json`, 'utf8')) as {
    dependencies: Record<string, string>;
    optionalDependencies: Record<string, string>;
  };
  expect(pkg.dependencies['@tensorflow/tfjs']).toBe(pins.TFJS_NODE_VERSION);
  expect(pkg.optionalDependencies['@tensorflow/tfjs-node']).toBe(pins.TFJS_NODE_VERSION);
  expect(pkg.optionalDependencies['@tensorflow/tfjs-node-gpu']).toBe(pins.TFJS_NODE_VERSION);
});

it("has npm's postinstall expect the pinned TensorFlow in an installed backend's stamp", () => {
  const postinstall = readFileSync(`${REPO_ROOT}scripts/setup-tfjs-native.mjs`, 'utf8');
  expect(postinstall).toContain(`process.env.TFJS_NATIVE_TF_VERSION ?? '${pins.TF_VERSION}'`);
});

it('finds the GPU images', () => {
  expect(gpuImages.sort()).toEqual(['classifier-trainer.Dockerfile', 'fop-pretrainer.Dockerfile', 'vqvae-pretrainer.Dockerfile']);
});

describe.each(gpuImages)('%s', (file) => {
  const stages = parseStages(file);
  const text = readFileSync(`${REPO_ROOT}deploy/docker/${file}`, 'utf8');

  it(`runs on nvidia/cuda ${pins.TF_CUDA_VERSION}.x with cuDNN ${pins.TF_CUDNN_VERSION.split('.')[0]}, the wheel's CUDA`, () => {
    const [, cuda, cudnnMajor] = /^(\d+\.\d+)\.\d+-cudnn(\d+)-runtime-ubuntu\d+\.\d+$/.exec(stages.at(-1)?.tag ?? '') ?? [];
    expect(cuda, `tag ${stages.at(-1)?.tag}`).toBe(pins.TF_CUDA_VERSION);
    expect(cudnnMajor).toBe(pins.TF_CUDNN_VERSION.split('.')[0]);
  });

  it("builds tfjs-node-gpu with the build script's GPU variant at versions.env's TensorFlow", () => {
    const native = stages.find((stage) =>
      stage.steps.some((s) => s.keyword === 'RUN' && /\bTFJS_NATIVE_VARIANT=gpu bash deploy\/tfjs-native\/build\.sh\b/.test(s.args)),
    );
    expect(native, 'a stage that runs the GPU variant').toBeDefined();
    // The script reads versions.env from the copied folder; nothing in the image may override the pin.
    expect(native!.steps.filter((s) => s.keyword === 'COPY' && !s.flags.from).map((s) => s.args)).toContain('deploy/tfjs-native deploy/tfjs-native');
    expect(text).not.toMatch(/TFJS_NATIVE_TF_VERSION/);
    // The package the final image ships is the one that stage built.
    const deps = stages.find((stage) => stage.steps.some((s) => s.keyword === 'COPY' && s.flags.from === native!.alias));
    expect(deps, `a stage copying from ${native!.alias}`).toBeDefined();
    const final = stages.at(-1)!;
    expect(final.steps.some((s) => s.keyword === 'COPY' && s.flags.from === deps!.alias && /node_modules node_modules$/.test(s.args))).toBe(true);
  });
});
