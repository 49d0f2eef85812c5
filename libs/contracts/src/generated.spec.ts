import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GENERATED_DIR, generateTypes, genTypesFlags } from '../scripts/gen-types';
import { PROTO_LOADER_OPTIONS } from './loader-options';

/** Relative path -> content of every file under dir. */
function readTree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8', withFileTypes: false })
    .filter((file) => file.endsWith('.ts'))
    .sort();
  return new Map(files.map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
}

describe('generated proto types', () => {
  let tempDir: string | undefined;
  afterEach(() => {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    tempDir = undefined;
  });

  it('are up to date with proto/ (run `npm run proto:gen` when this fails)', async () => {
    tempDir = mkdtempSync(join(tmpdir(), 'ser-proto-gen-'));
    await generateTypes(tempDir);
    const fresh = readTree(tempDir);
    const committed = readTree(GENERATED_DIR);

    expect([...committed.keys()], 'generated file list is stale: run npm run proto:gen').toEqual([...fresh.keys()]);
    const stale = [...fresh].filter(([file, text]) => committed.get(file) !== text).map(([file]) => file);
    expect(stale, 'generated files differ from proto/: run npm run proto:gen').toEqual([]);
  });

  it('come from the same options the runtime loader uses', () => {
    expect(genTypesFlags()).toEqual(['--longs', 'Number', '--enums', 'String', '--defaults', '--oneofs', '-I', 'proto']);
    expect(genTypesFlags({ ...PROTO_LOADER_OPTIONS, keepCase: true })).toContain('--keepCase');
  });

  it('refuse a loader option the generator cannot express', () => {
    expect(() => genTypesFlags({ ...PROTO_LOADER_OPTIONS, longs: Boolean })).toThrow(/longs/);
    expect(() => genTypesFlags({ ...PROTO_LOADER_OPTIONS, alternateCommentMode: true })).toThrow(/alternateCommentMode/);
  });
});
