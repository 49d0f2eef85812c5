// npm install's postinstall: sets up the native TensorFlow.js backend (deploy/tfjs-native/build.sh), so the
// README's first `npm start` trains and serves on TensorFlow's C library instead of wasm. Never fails the
// install: when the backend cannot be set up it says so in one line and the platform runs on wasm.
//
// Why a wrapper and not `bash build.sh` directly: npm install reruns postinstall whenever a dependency is
// added, so an installed backend is recognised from its stamp in an instant (build.sh's own cached path still
// loads TensorFlow to verify it); the build's long output goes to a log, not the install's terminal; and a
// failed build (offline, no compiler, not Linux x64) leaves the install successful.
//
// SER_TFJS_NATIVE_POSTINSTALL=skip: do nothing (.ci/run builds it explicitly after installing the
// prerequisites, and reports a failure loudly there).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_SCRIPT = join(ROOT, 'deploy/tfjs-native/build.sh');
const LOG = join(ROOT, 'deploy/tfjs-native/build/postinstall.log');
const STAMP = join(ROOT, 'node_modules/@tensorflow/tfjs-node/.tfjs-native');
const PREFIX = '[tfjs-native]';
const FALLBACK = 'models will run on the slower wasm backend; retry with `npm run setup:tfjs-native`';

const say = (line) => console.log(`${PREFIX} ${line}`);

/**
 * The stamp build.sh writes last, after the package is assembled: "tfjs-node V, TensorFlow T, addon-...-abiN-napiM".
 * It names the Node ABI it was built for, so a different Node (a new ABI) rebuilds.
 */
function installedStamp() {
  if (!existsSync(STAMP)) return null;
  const stamp = readFileSync(STAMP, 'utf8').trim();
  const tfVersion = process.env.TFJS_NATIVE_TF_VERSION ?? '2.15.1';
  const current = stamp.includes(`TensorFlow ${tfVersion},`) && stamp.includes(`-abi${process.versions.modules}-`);
  return current && customKernelsCurrent() ? stamp : null;
}

/** build.sh compiles deploy/tfjs-native/ops/ser_ops.c beside the binding; a newer source means a rerun (seconds). */
function customKernelsCurrent() {
  const lib = join(ROOT, 'node_modules/@tensorflow/tfjs-node/lib');
  const source = join(ROOT, 'deploy/tfjs-native/ops/ser_ops.c');
  const built = existsSync(lib)
    ? readdirSync(lib)
        .map((d) => join(lib, d, 'ser_ops.node'))
        .find((p) => existsSync(p))
    : undefined;
  return built !== undefined && statSync(built).mtimeMs >= statSync(source).mtimeMs;
}

/** The reason build.sh gave (its "FAILED: ..." line), or the log's last line. */
function failureReason() {
  const lines = readFileSync(LOG, 'utf8').trim().split('\n');
  const failed = lines.filter((l) => l.includes(`${PREFIX} FAILED:`)).pop();
  return (failed ?? lines.pop() ?? 'no output').replace(`${PREFIX} FAILED: `, '').trim();
}

function main() {
  if (process.env.SER_TFJS_NATIVE_POSTINSTALL === 'skip') return;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    say(`native backend not set up: its build supports Linux x64 only (this is ${process.platform} ${process.arch}); ${FALLBACK}`);
    return;
  }
  const stamp = installedStamp();
  if (stamp) {
    say(`native backend already set up (${stamp})`);
    return;
  }
  mkdirSync(dirname(LOG), { recursive: true });
  say(`setting up the native backend (once: ~200 MB TensorFlow wheel from PyPI, then an addon build; log in ${relative(ROOT, LOG)})`);
  const log = openSync(LOG, 'w');
  const run = spawnSync('bash', [BUILD_SCRIPT], { cwd: ROOT, stdio: ['ignore', log, log] });
  if (run.status === 0) {
    say("native backend ready: training and serving run on TensorFlow's C library");
    return;
  }
  const reason = run.error ? run.error.message : failureReason();
  say(`native backend unavailable (${reason}); ${FALLBACK}`);
}

try {
  main();
} catch (err) {
  say(`native backend not set up (${err instanceof Error ? err.message : String(err)}); ${FALLBACK}`);
}
