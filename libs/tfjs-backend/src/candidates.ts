import type * as Tfjs from '@tensorflow/tfjs';
import { BackendUnavailableError, messageOf } from './errors';
import { TF_BACKEND_NAME, type BackendKind } from './kinds';
import { loadNativePackage, nativeDeviceInfo } from './native';
import { wasmBinaryDir } from './wasm-paths';

/** How one backend kind is brought up: register it with tfjs, then check it really is what was asked. */
export interface BackendCandidate {
  kind: BackendKind;
  /** The name passed to `tf.setBackend` and expected back from `tf.getBackend()`. */
  backendName: string;
  /** Registers the backend factory with tfjs; throws BackendUnavailableError when it cannot. */
  register(tf: typeof Tfjs): Promise<void>;
  /** Extra checks once the backend is active; throws when it is not usable as the kind promised. */
  verify?(tf: typeof Tfjs): void;
}

async function registerWasm(tf: typeof Tfjs): Promise<void> {
  let wasm: typeof import('@tensorflow/tfjs-backend-wasm');
  try {
    wasm = await import('@tensorflow/tfjs-backend-wasm');
  } catch (err) {
    throw new BackendUnavailableError('wasm', 'not-installed', `@tensorflow/tfjs-backend-wasm: ${messageOf(err)}`);
  }
  // The package registers itself into the tfjs-core it resolves; a second copy would leave ours without it.
  if (!tf.findBackendFactory('wasm')) {
    throw new BackendUnavailableError('wasm', 'load-failed', 'tfjs-backend-wasm registered into another @tensorflow/tfjs-core copy');
  }
  // Node would find the binaries next to the script, but bundlers and test runners move scripts: be explicit.
  wasm.setWasmPaths(wasmBinaryDir());
}

export const DEFAULT_CANDIDATES: Record<BackendKind, BackendCandidate> = {
  'node-gpu': {
    kind: 'node-gpu',
    backendName: TF_BACKEND_NAME['node-gpu'],
    register: async (tf) => loadNativePackage(tf, 'node-gpu', '@tensorflow/tfjs-node-gpu'),
    verify: (tf) => {
      const info = nativeDeviceInfo(tf);
      if (!info.isGPUPackage) {
        throw new BackendUnavailableError('node-gpu', 'not-active', 'the active tensorflow backend is the CPU build (@tensorflow/tfjs-node)');
      }
      // A CUDA/cuDNN mismatch makes TensorFlow run on the CPU without failing: that is not what was asked.
      if (!info.isUsingGpuDevice) {
        throw new BackendUnavailableError(
          'node-gpu',
          'not-active',
          'TensorFlow found no usable GPU device (are the CUDA/cuDNN libraries it was built for on the library path?)',
        );
      }
    },
  },
  node: {
    kind: 'node',
    backendName: TF_BACKEND_NAME.node,
    register: async (tf) => loadNativePackage(tf, 'node', '@tensorflow/tfjs-node'),
  },
  wasm: { kind: 'wasm', backendName: TF_BACKEND_NAME.wasm, register: registerWasm },
  // Registered by @tensorflow/tfjs itself.
  cpu: { kind: 'cpu', backendName: TF_BACKEND_NAME.cpu, register: async () => undefined },
};
