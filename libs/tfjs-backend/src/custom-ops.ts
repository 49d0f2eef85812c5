// The platform's own TensorFlow kernels (deploy/tfjs-native/ops/ser_ops.c), which deploy/tfjs-native/build.sh
// compiles next to tfjs-node's binding. Loading the file as a Node addon registers its ops into the TensorFlow
// that tfjs-node has loaded; from then on nativeOps().run executes them by name like TensorFlow's own.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NativePackage } from './native';

const require = createRequire(import.meta.url);

/** The ops ser_ops.c registers (all of them, or none when it does not load). */
export type CustomOp = 'SerTapAttention' | 'SerTapAttentionGrad' | 'SerTimeTaps' | 'SerTimeTapsGrad';

export type CustomOpsState = { loaded: true; path: string } | { loaded: false; reason: string };

let state: CustomOpsState = { loaded: false, reason: 'the native backend has not loaded' };

/** Whether the custom kernels are registered, and if not, why not (for the backend's log line). */
export function customOpsState(): CustomOpsState {
  return state;
}

function findLibrary(pkg: NativePackage): string | undefined {
  const lib = join(dirname(require.resolve(`${pkg}/package.json`)), 'lib');
  if (!existsSync(lib)) return undefined;
  const napiDirs = readdirSync(lib).filter((d) => d.startsWith('napi-v'));
  return napiDirs.map((d) => join(lib, d, 'ser_ops.node')).find((p) => existsSync(p));
}

/** Registers the custom kernels into the loaded native package's TensorFlow; never throws (callers fall back to tfjs ops). */
export function loadCustomOps(pkg: NativePackage): CustomOpsState {
  if (state.loaded) return state;
  if (pkg === '@tensorflow/tfjs-node-gpu') {
    // CPU kernels only: on a GPU every call would copy its tensors to the host and back.
    state = { loaded: false, reason: 'the custom kernels run on the CPU; the GPU package keeps the models in tfjs ops' };
    return state;
  }
  const path = findLibrary(pkg);
  if (!path) {
    state = { loaded: false, reason: `${pkg} has no ser_ops.node (built by deploy/tfjs-native/build.sh); the models use tfjs ops instead` };
    return state;
  }
  try {
    process.dlopen({ exports: {} }, path);
    state = { loaded: true, path };
  } catch (err) {
    state = { loaded: false, reason: `${path} did not load: ${err instanceof Error ? err.message : String(err)}` };
  }
  return state;
}
