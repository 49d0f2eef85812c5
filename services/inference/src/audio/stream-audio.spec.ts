import { GrpcStatus, readErrorDetails, type GrpcError } from '@ser/grpc-kit';
import { describe, expect, it } from 'vitest';
import { pcmToMono } from './pcm';
import { StreamWindows } from './stream-windows';
import { voicedFraction } from './vad';

const ramp = (n: number, from = 0) => Float32Array.from({ length: n }, (_, i) => from + i);

describe('StreamWindows', () => {
  it('emits complete windows every hop, however the signal is chunked', () => {
    const windows = new StreamWindows(10, 10, 5);
    const out = [ramp(7), ramp(9, 7), ramp(14, 16)].flatMap((c) => windows.push(c));
    expect(out.map((w) => [w.index, w.startSeconds, w.endSeconds])).toEqual([
      [0, 0, 1],
      [1, 0.5, 1.5],
      [2, 1, 2],
      [3, 1.5, 2.5],
      [4, 2, 3],
    ]);
    expect(Array.from(out[3]!.samples)).toEqual(Array.from(ramp(10, 15)));
  });

  it('skips the gap when the hop is longer than the window', () => {
    const windows = new StreamWindows(10, 4, 10);
    const out = [ramp(12), ramp(13, 12)].flatMap((c) => windows.push(c));
    expect(out.map((w) => Array.from(w.samples))).toEqual([
      [0, 1, 2, 3],
      [10, 11, 12, 13],
      [20, 21, 22, 23],
    ]);
  });
});

describe('voicedFraction (energy VAD)', () => {
  it('counts the frames above the threshold', () => {
    const signal = new Float32Array(1600); // four 25 ms frames
    signal.fill(0.1, 0, 400); // -20 dBFS
    signal.fill(0.001, 400, 800); // -60 dBFS
    signal.fill(0.05, 1200, 1600); // -26 dBFS
    expect(voicedFraction(signal, { thresholdDb: -45 })).toBe(0.5);
    expect(voicedFraction(signal, { thresholdDb: -23 })).toBe(0.25);
    expect(voicedFraction(new Float32Array(100), { thresholdDb: -45 })).toBe(0);
  });
});

describe('pcmToMono', () => {
  it('mixes interleaved 16-bit and float frames down to mono, dropping a trailing partial frame', () => {
    const s16 = Buffer.alloc(10);
    [16384, -16384, 32767, 32767].forEach((v, i) => s16.writeInt16LE(v, i * 2));
    expect(Array.from(pcmToMono(s16, 'AUDIO_ENCODING_PCM_S16LE', 2))).toEqual([0, 32767 / 32768]);
    const f32 = Buffer.alloc(12);
    [0.5, 0.25, -1].forEach((v, i) => f32.writeFloatLE(v, i * 4));
    expect(Array.from(pcmToMono(f32, 'AUDIO_ENCODING_PCM_F32LE', 1))).toEqual([0.5, 0.25, -1]);
  });

  it('refuses NaN and infinite float frames with INVALID_ARGUMENT on the field, before any model reads them', () => {
    for (const bad of [NaN, Infinity]) {
      const f32 = Buffer.alloc(16);
      [0.5, 0.25, bad, 0].forEach((v, i) => f32.writeFloatLE(v, i * 4));
      const error = (() => {
        try {
          pcmToMono(f32, 'AUDIO_ENCODING_PCM_F32LE', 2, 'audio_chunk');
        } catch (e) {
          return e as GrpcError;
        }
        throw new Error('pcmToMono should throw');
      })();
      expect(error.code).toBe(GrpcStatus.INVALID_ARGUMENT);
      expect(error.message).toContain(`raw PCM frame 1 is ${bad}`);
      expect(readErrorDetails(error).fieldViolations).toEqual([{ field: 'audio_chunk', description: 'non-finite' }]);
    }
  });
});
