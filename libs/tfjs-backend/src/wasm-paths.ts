import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Directory holding tfjs-backend-wasm's .wasm binaries, found through Node's module resolution from this
 * file, so it does not depend on the process cwd or on where a bundler put the calling script.
 * The trailing separator matters: tfjs appends file names to this prefix verbatim.
 */
export function wasmBinaryDir(): string {
  // `main` is dist/tf-backend-wasm.node.js, which sits beside the .wasm files.
  return dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + sep;
}
