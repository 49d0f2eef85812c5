import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { wasmBinaryDir } from './wasm-paths';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
// tsx by absolute URL: a bare `--import tsx` would be resolved from the foreign cwd and not be found.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

describe('wasmBinaryDir', () => {
  it('points at the directory holding the wasm binaries, with a trailing separator', () => {
    const dir = wasmBinaryDir();
    expect(dir.endsWith('/')).toBe(true);
    for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm']) {
      expect(existsSync(dir + file), dir + file).toBe(true);
    }
  });

  it('lets the wasm backend start from a process whose cwd is outside the repository', async () => {
    const script = [
      `const { initTfjs } = await import(${JSON.stringify(`${repoRoot}libs/tfjs-backend/src/index.ts`)});`,
      `const { tf, backend } = await initTfjs({ prefer: 'wasm' });`,
      `console.log(JSON.stringify({ backend, sum: tf.matMul(tf.ones([2, 3]), tf.ones([3, 2])).sum().dataSync()[0] }));`,
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--import', tsxLoader, '--input-type=module', '--eval', script], {
      cwd: tmpdir(),
      env: { ...process.env, TSX_TSCONFIG_PATH: `${repoRoot}tsconfig.json`, SER_LOG_LEVEL: 'silent' },
    });
    const lastLine = stdout.trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(lastLine)).toEqual({ backend: 'wasm', sum: 12 });
  });
});
