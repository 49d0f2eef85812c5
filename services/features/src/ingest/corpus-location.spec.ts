// Corpus locations stay inside the configured roots whatever path or symbolic link leads there, and a file that
// becomes a link out of the corpus after planning is not read when its shard is extracted.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav, synthesizeTestSignal } from '@ser/audio';
import { DomainError, GrpcStatus } from '@ser/grpc-kit';
import { resolveCorpusLocation } from './corpus-location';
import extract from './feature-worker';

let base: string;
let root: string;
let outside: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'ser-corpus-location-')));
  root = join(base, 'corpora');
  outside = join(base, 'private');
  mkdirSync(join(root, 'mine'), { recursive: true });
  mkdirSync(join(base, 'corpora-sibling'));
  mkdirSync(outside);
  const wav = encodeWav(synthesizeTestSignal({ sampleRate: 16000, seconds: 0.5, seed: 3 }), 16000, { encoding: 'pcm16' });
  writeFileSync(join(root, 'mine', 'own.wav'), wav);
  writeFileSync(join(outside, 'secret.wav'), wav);
  symlinkSync(outside, join(root, 'escape')); // a directory link out of the root
  symlinkSync(join(root, 'mine'), join(root, 'alias')); // a directory link that stays inside
  symlinkSync(join(outside, 'secret.wav'), join(root, 'mine', 'swapped.wav')); // a file link out of the root
  symlinkSync(join(root, 'mine', 'own.wav'), join(root, 'mine', 'alias.wav'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** The DomainError resolveCorpusLocation throws for `uri`. */
function refusal(uri: string): DomainError {
  try {
    resolveCorpusLocation(uri, [root]);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error(`${uri} was accepted`);
}

describe('resolveCorpusLocation', () => {
  it('accepts a folder inside a root, as a path or a file URI, and links that stay inside', () => {
    expect(resolveCorpusLocation(join(root, 'mine'), [root])).toBe(join(root, 'mine'));
    expect(resolveCorpusLocation(pathToFileURL(join(root, 'mine')).href, [root])).toBe(join(root, 'mine'));
    expect(resolveCorpusLocation(join(root, 'alias'), [root])).toBe(join(root, 'mine'));
  });

  it('accepts every folder under a root that is itself a link (a mounted share)', () => {
    const linkedRoot = join(base, 'linked-root');
    symlinkSync(root, linkedRoot);
    expect(resolveCorpusLocation(join(linkedRoot, 'mine'), [linkedRoot])).toBe(join(root, 'mine'));
  });

  it('refuses a symbolic link pointing out of the root, naming where it leads', () => {
    const err = refusal(join(root, 'escape'));
    expect(err.code).toBe(GrpcStatus.PERMISSION_DENIED);
    expect(err.message).toBe(
      `corpus location '${join(root, 'escape')}' is outside the allowed corpus roots (it resolves to ${outside} through a symbolic link)`,
    );
  });

  it('refuses .. traversal and a sibling whose name starts like the root', () => {
    expect(refusal(join(root, 'mine', '..', '..', 'private')).message).toMatch(/is outside the allowed corpus roots/);
    expect(refusal(join(base, 'corpora-sibling')).code).toBe(GrpcStatus.PERMISSION_DENIED);
  });

  it('refuses relative paths, other URI schemes and missing folders with the reason', () => {
    expect(refusal('corpora/mine').message).toMatch(/must be absolute/);
    expect(refusal('s3://bucket/corpus').message).toMatch(/scheme .* is not supported/);
    expect(refusal(join(root, 'missing')).code).toBe(GrpcStatus.NOT_FOUND);
  });
});

describe('feature extraction at read time', () => {
  it('refuses a file that resolves outside its corpus root and reads one whose link stays inside', async () => {
    const job = { root, minDurationSeconds: 0.1, kinds: ['log-mel' as const] };
    expect(await extract({ ...job, path: join(root, 'mine', 'swapped.wav') })).toEqual({
      ok: false,
      reason: 'outside corpus root',
      message: `resolves to ${join(outside, 'secret.wav')} (through a symbolic link), outside ${root}`,
    });
    expect(await extract({ ...job, path: join(root, 'mine', 'alias.wav') })).toMatchObject({ ok: true });
    expect(await extract({ ...job, path: join(root, 'mine', 'own.wav') })).toMatchObject({ ok: true });
  });
});
