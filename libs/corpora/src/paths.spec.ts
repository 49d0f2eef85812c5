import { mkdir, realpath, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertInsideRoots, isInside } from './paths';
import { TinyCorpora, writeWav } from './testing/tiny-corpus';

const corpora = new TinyCorpora();
afterEach(() => corpora.removeAll());

describe('assertInsideRoots', () => {
  it('accepts paths inside any allowed root and returns the real path', async () => {
    const data = await corpora.root('data');
    const other = await corpora.root('other');
    await writeWav(other, 'corpus/a.wav');
    expect(assertInsideRoots(join(data, 'corpus'), [data])).toBe(join(await realpath(data), 'corpus'));
    expect(assertInsideRoots(join(other, 'corpus/a.wav'), [data, other])).toBe(join(await realpath(other), 'corpus/a.wav'));
    expect(assertInsideRoots(data, [data])).toBe(await realpath(data));
  });

  it('refuses `..` escapes, look-alike prefixes, symlinks out and an empty root list', async () => {
    const data = await corpora.root('data');
    const outside = await corpora.root('outside');
    await mkdir(join(data, 'corpus'));
    await symlink(outside, join(data, 'corpus/link'));
    expect(() => assertInsideRoots(join(data, 'corpus/../../etc'), [data])).toThrow(/outside the allowed corpus roots/);
    expect(() => assertInsideRoots(`${data}-evil/corpus`, [data])).toThrow(RangeError);
    expect(() => assertInsideRoots(join(data, 'corpus/link'), [data])).toThrow(RangeError);
    expect(() => assertInsideRoots(data, [])).toThrow(/none configured/);
  });

  it('isInside compares whole path segments', () => {
    expect(isInside('/data/corpus/a.wav', '/data/corpus')).toBe(true);
    expect(isInside('/data/corpus', '/data/corpus')).toBe(true);
    expect(isInside('/data/corpus2/a.wav', '/data/corpus')).toBe(false);
    expect(isInside('/data', '/data/corpus')).toBe(false);
  });
});
