// npm install's postinstall (scripts/setup-tfjs-native.mjs) run in a scratch copy of the layout it expects, with a
// stand-in build.sh: a failed build is one line and a successful install, an installed backend is not rebuilt.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = join(process.cwd(), 'scripts/setup-tfjs-native.mjs');
let root = '';

/** A scratch root holding the script and a build.sh that runs `body` (and records that it ran). */
function scratchRoot(body: string): string {
  root = mkdtempSync(join(tmpdir(), 'ser-postinstall-'));
  mkdirSync(join(root, 'scripts'));
  mkdirSync(join(root, 'deploy/tfjs-native/ops'), { recursive: true });
  cpSync(SCRIPT, join(root, 'scripts/setup-tfjs-native.mjs'));
  writeFileSync(join(root, 'deploy/tfjs-native/ops/ser_ops.c'), '// the custom kernels\n');
  utimesSync(join(root, 'deploy/tfjs-native/ops/ser_ops.c'), 1_000, 1_000);
  writeFileSync(join(root, 'deploy/tfjs-native/build.sh'), `touch "${root}/build-ran"\n${body}\n`);
  return root;
}

function postinstall(env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [join(root, 'scripts/setup-tfjs-native.mjs')], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: run.status, lines: run.stdout.trim().split('\n').filter(Boolean), built: existsSync(join(root, 'build-ran')) };
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('postinstall: the native TensorFlow.js backend', () => {
  it('is registered as the root package postinstall', () => {
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.postinstall).toBe('node scripts/setup-tfjs-native.mjs');
  });

  it('builds it when absent and says it is ready', () => {
    scratchRoot('echo "[tfjs-native] done"');
    const run = postinstall();
    expect(run).toMatchObject({ status: 0, built: true });
    expect(run.lines.at(-1)).toMatch(/native backend ready/);
  });

  it('says in one line why the build failed, falls back to wasm, and exits 0', () => {
    scratchRoot('echo "[tfjs-native] downloading"\necho "[tfjs-native] FAILED: \'g++\' is not installed" >&2\nexit 1');
    const run = postinstall();
    expect(run.status).toBe(0);
    expect(run.lines.at(-1)).toBe(
      "[tfjs-native] native backend unavailable ('g++' is not installed); models will run on the slower wasm backend; retry with `npm run setup:tfjs-native`",
    );
    expect(readFileSync(join(root, 'deploy/tfjs-native/build/postinstall.log'), 'utf8')).toContain('downloading');
  });

  it('skips the build when the installed stamp matches this Node and TensorFlow version and the custom kernels are current', () => {
    scratchRoot('exit 1');
    mkdirSync(join(root, 'node_modules/@tensorflow/tfjs-node'), { recursive: true });
    const stamp = `tfjs-node 4.22.0, TensorFlow 2.15.1, addon-4.22.0-tf2.15.1-abi${process.versions.modules}-napi8`;
    writeFileSync(join(root, 'node_modules/@tensorflow/tfjs-node/.tfjs-native'), `${stamp}\n`);
    // Without the custom kernels compiled beside the binding (or older than their source) it reruns build.sh.
    expect(postinstall({ TFJS_NATIVE_TF_VERSION: '2.15.1' }).built).toBe(true);
    rmSync(join(root, 'build-ran'));
    const kernels = join(root, 'node_modules/@tensorflow/tfjs-node/lib/napi-v8/ser_ops.node');
    mkdirSync(join(kernels, '..'), { recursive: true });
    writeFileSync(kernels, 'addon');
    utimesSync(kernels, 500, 500);
    expect(postinstall({ TFJS_NATIVE_TF_VERSION: '2.15.1' }).built).toBe(true);
    rmSync(join(root, 'build-ran'));
    utimesSync(kernels, 2_000, 2_000);
    const run = postinstall({ TFJS_NATIVE_TF_VERSION: '2.15.1' });
    expect(run).toMatchObject({ status: 0, built: false, lines: [`[tfjs-native] native backend already set up (${stamp})`] });
    // Another Node ABI needs another addon: it rebuilds.
    writeFileSync(join(root, 'node_modules/@tensorflow/tfjs-node/.tfjs-native'), stamp.replace(/abi\d+/, 'abi1'));
    expect(postinstall({ TFJS_NATIVE_TF_VERSION: '2.15.1' }).built).toBe(true);
  });

  it('does nothing when .ci/run asks it to skip (it builds explicitly after the prerequisites)', () => {
    scratchRoot('exit 1');
    expect(postinstall({ SER_TFJS_NATIVE_POSTINSTALL: 'skip' })).toEqual({ status: 0, lines: [], built: false });
    expect(readFileSync(join(process.cwd(), '.ci/run'), 'utf8')).toMatch(/^SER_TFJS_NATIVE_POSTINSTALL=skip npm install/m);
  });
});
