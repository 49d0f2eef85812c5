import { describe, expect, it } from 'vitest';
import { encodeWav } from '@ser/audio';
import { wavDurationFromHeader } from './wav-duration';

describe('wavDurationFromHeader', () => {
  it('reads the duration of mono and stereo files, also past extra chunks', () => {
    const mono = encodeWav(new Float32Array(8000), 16000);
    expect(wavDurationFromHeader(mono, mono.length)).toBeCloseTo(0.5, 9);
    const stereo = encodeWav([new Float32Array(4410), new Float32Array(4410)], 44100, {
      extraChunks: [{ id: 'LIST', data: new Uint8Array(11) }],
    });
    expect(wavDurationFromHeader(stereo, stereo.length)).toBeCloseTo(0.1, 9);
  });

  it('counts only the bytes present when the data size is unknown or too large', () => {
    const wav = encodeWav(new Float32Array(1600), 16000);
    const truncatedSize = wav.length - 1600; // half of the 3200 data bytes
    expect(wavDurationFromHeader(wav, truncatedSize)).toBeCloseTo(0.05, 9);
  });

  it('gives up on anything that is not a RIFF/WAVE header', () => {
    expect(wavDurationFromHeader(new TextEncoder().encode('not a wave file at all'), 22)).toBeUndefined();
  });
});

describe('a header cut short', () => {
  it('hashes a WAV whose header ends inside the fmt chunk, leaving its duration unknown', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { hashFile } = await import('./content-hash');
    const { encodeWav } = await import('@ser/audio');
    const file = join(await mkdtemp(join(tmpdir(), 'cut-')), 'cut.wav');
    await writeFile(file, encodeWav(new Float32Array(100), 16000).subarray(0, 30));
    const hashed = await hashFile(file, 30, true);
    expect(hashed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashed.durationSeconds).toBeUndefined();
  });
});
