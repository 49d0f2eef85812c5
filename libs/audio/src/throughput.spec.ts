import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontEndThroughput, wavFilesUnder } from './throughput';
import { encodeWav } from './wav-encode';

describe('front-end throughput helpers', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ser-throughput-'));
    mkdirSync(join(dir, 'Sad'));
    writeFileSync(join(dir, 'Sad', 'b.wav'), encodeWav(new Float32Array(44100).fill(0.1), 44100)); // 1 s
    writeFileSync(join(dir, 'a.WAV'), encodeWav(new Float32Array(8000).fill(-0.1), 16000)); // 0.5 s
    writeFileSync(join(dir, 'notes.txt'), 'not audio');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every .wav below a folder (any case), sorted by full path', () => {
    expect(wavFilesUnder(dir)).toEqual([join(dir, 'Sad', 'b.wav'), join(dir, 'a.WAV')].sort());
  });

  it('runs decode + resample + log-mel over the files and counts the 16 kHz audio', () => {
    const r = frontEndThroughput(wavFilesUnder(dir));
    expect(r.files).toBe(2);
    expect(r.audioSeconds).toBeCloseTo(1.5, 6);
    expect(r.xRealtime).toBeCloseTo(r.audioSeconds / r.wallSeconds, 6);
  });
});
