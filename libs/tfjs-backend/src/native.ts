import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type * as Tfjs from '@tensorflow/tfjs';
import { loadCustomOps } from './custom-ops';
import { BackendUnavailableError, messageOf } from './errors';
import type { BackendKind } from './kinds';

const require = createRequire(import.meta.url);

export type NativePackage = '@tensorflow/tfjs-node' | '@tensorflow/tfjs-node-gpu';

let loaded: NativePackage | undefined;

/** The native package whose `tensorflow` backend registered, if one did (native-ops.ts needs its classes). */
export function loadedNativePackage(): NativePackage | undefined {
  return loaded;
}

/** What an operator does about an absent package: npm cannot download libtensorflow on these machines. */
const INSTALL_HINT: Record<NativePackage, string> = {
  '@tensorflow/tfjs-node': 'offline, build it with deploy/tfjs-native/build.sh',
  '@tensorflow/tfjs-node-gpu': 'build it with TFJS_NATIVE_VARIANT=gpu bash deploy/tfjs-native/build.sh; it needs an NVIDIA GPU and CUDA 12.2 / cuDNN 8.9',
};

function resolveFrom(id: string, fromDir?: string): string | undefined {
  try {
    return fromDir ? require.resolve(id, { paths: [fromDir] }) : require.resolve(id);
  } catch {
    return undefined;
  }
}

/**
 * Loads a native tfjs package, which registers the `tensorflow` backend as a side effect of `require`.
 * It must register into the SAME tfjs-core instance as `tf` (the one the rest of the code imports):
 * tfjs-node requires `@tensorflow/tfjs` itself, so a second, non-deduped copy of tfjs in its own
 * node_modules would get the backend while ours never sees it. That is checked, not assumed.
 */
export function loadNativePackage(tf: typeof Tfjs, kind: BackendKind, pkg: NativePackage): void {
  const entry = resolveFrom(pkg);
  if (!entry) {
    throw new BackendUnavailableError(kind, 'not-installed', `${pkg} is not installed (optional dependency; ${INSTALL_HINT[pkg]})`);
  }
  // TensorFlow reads this once, at load: hide its INFO banner (CPU features) but keep warnings and errors.
  process.env.TF_CPP_MIN_LOG_LEVEL ??= '1';
  try {
    require(pkg);
  } catch (err) {
    throw new BackendUnavailableError(kind, 'load-failed', `${pkg} failed to load: ${messageOf(err)}`, { cause: err });
  }
  if (!tf.findBackendFactory('tensorflow')) {
    const theirs = resolveFrom('@tensorflow/tfjs-core', dirname(entry)) ?? 'unresolvable';
    const ours = resolveFrom('@tensorflow/tfjs-core') ?? 'unresolvable';
    throw new BackendUnavailableError(
      kind,
      'load-failed',
      `${pkg} loaded but registered its backend into another @tensorflow/tfjs-core (${theirs}, ours: ${ours}); ` +
        'dedupe @tensorflow/tfjs so a single copy is installed',
    );
  }
  loaded = pkg;
  loadCustomOps(pkg);
}

/** What the native backend object says about its device (fields of tfjs-node's NodeJSKernelBackend). */
export function nativeDeviceInfo(tf: typeof Tfjs): { isGPUPackage?: boolean; isUsingGpuDevice?: boolean } {
  return tf.backend() as unknown as { isGPUPackage?: boolean; isUsingGpuDevice?: boolean };
}
