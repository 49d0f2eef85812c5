import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeWav, logMel, readNpy, synthesizeTestSignal } from '@ser/audio';

const dir = mkdtempSync(join(tmpdir(), 'ser-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ser(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/ser.js', ...args], { encoding: 'utf8', env: { ...process.env, SER_LOG_LEVEL: 'warn' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the ser CLI', () => {
  it('prints help and exits 0', () => {
    const r = ser('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/features IN --out OUT\.npy/);
    expect(ser('features', '--help').stdout).toMatch(/Usage: ser features/);
  });

  it('refuses an unknown command or option with exit code 2', () => {
    expect(ser('transmogrify').code).toBe(2);
    const r = ser('features', 'x.wav', '--out', 'y.npy', '--bogus');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bogus/);
  });

  it('writes the log-mel features of a file as float32 [frames, 80] .npy', () => {
    const samples = synthesizeTestSignal({ sampleRate: 16000, seconds: 0.5 });
    const wav = join(dir, 'a.wav');
    writeFileSync(wav, encodeWav(samples, 16000, { encoding: 'float32' }));
    const out = join(dir, 'a.npy');
    const r = ser('features', wav, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const npy = readNpy(readFileSync(out));
    const expected = logMel(samples);
    expect(npy.shape).toEqual([expected.frames, 80]);
    expect(Array.from(npy.data)).toEqual(Array.from(expected.data));
  });

  it('explains an unreadable input and exits 1', () => {
    const bad = join(dir, 'bad.wav');
    writeFileSync(bad, 'not audio');
    const r = ser('features', bad, '--out', join(dir, 'bad.npy'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read .*bad\.wav/);
    expect(ser('features', join(dir, 'missing.wav'), '--out', join(dir, 'm.npy')).code).toBe(1);
  });

  it('benchmarks the front end as one JSON line', () => {
    const folder = join(dir, 'bench');
    mkdirSync(folder);
    for (let i = 0; i < 3; i++) writeFileSync(join(folder, `${i}.wav`), encodeWav(synthesizeTestSignal({ sampleRate: 44100, seconds: 0.5, seed: i }), 44100));
    const r = ser('bench', 'features', folder, '--json');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout.trim());
    expect(result).toMatchObject({ files: 3, threads: 1 });
    expect(result.audio_seconds).toBeCloseTo(1.5, 1);
    expect(result.x_realtime).toBeGreaterThan(0);
    expect(result.files_per_s).toBeGreaterThan(0);
  });

  it('synthesises a demo corpus the manifest importer reads', async () => {
    const out = join(dir, 'demo');
    const r = ser('demo-corpus', '--out', out, '--speakers', '2', '--utterances', '1', '--no-espeak');
    expect(r.code, r.stderr).toBe(0);
    const { importCorpus } = await import('@ser/corpora');
    const manifest = await importCorpus(out, { format: 'manifest' });
    expect(manifest.entries).toHaveLength(8);
    expect(manifest.skipped).toEqual([]);
  });

  it('times FOP inference on the selected backend as one JSON line', () => {
    const r = ser('bench', 'fop-infer', '--json', '--steps', '1', '--warmup', '0');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout.trim());
    expect(result.bench).toBe('fop-infer');
    expect(['tensorflow', 'wasm', 'cpu']).toContain(result.backend);
    expect(result.infMedianMs).toBeGreaterThan(0);
  });

  it('refuses to publish a folder with no usable audio', () => {
    const empty = join(dir, 'empty-corpus');
    mkdirSync(empty);
    const r = ser('corpus', 'publish', '--format', 'urdu', '--name', 'x', '--uri', empty);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no usable audio/);
  });
});
