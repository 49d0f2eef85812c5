/**
 * Regenerates the committed parity references under test/fixtures/audio/: synthesises the test
 * signal at 16 kHz and 44.1 kHz, writes each as a 16-bit WAV, runs the torchaudio reference front
 * end (../shared/peers/mel_reference.py) on it and stores its [frames, 80] output as .npy, plus
 * torchaudio's resampled 16 kHz signal for the 44.1 kHz file, with the generator parameters, WAV
 * checksums and peer versions in reference.json.
 *
 *   npx tsx libs/audio/scripts/make-reference.ts
 *
 * Needs /usr/bin/python3 with torch + torchaudio and ../shared; the tests that read the results
 * need neither.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_SIGNAL_DEFAULTS, encodeWav, readNpy, synthesizeTestSignal, writeNpy } from '../src/index';

const PYTHON = '/usr/bin/python3';
// torchaudio's resampler alone, with the arguments mel_reference.py's load_mono uses.
const RESAMPLE_PY = `import sys, numpy as np, torchaudio
wav, sr = torchaudio.load(sys.argv[1])
out = torchaudio.functional.resample(wav.mean(0), sr, int(sys.argv[3]), lowpass_filter_width=6, rolloff=0.99)
np.save(sys.argv[2], out.numpy().astype(np.float32))`;
// Short extra rate pairs (odd and even phase counts, up and down) for the resampler alone.
const RESAMPLE_CASES = [
  [16000, 44100],
  [48000, 16000],
  [22050, 16000],
  [8000, 16000],
] as const;
const RESAMPLE_SECONDS = 0.1;
const RATES = [16000, 44100] as const;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const peer = resolve(repoRoot, '../shared/peers/mel_reference.py');
const outDir = join(repoRoot, 'test/fixtures/audio');

/** torchaudio's resampling of a short float32 WAV of the test signal (no quantisation on the way). */
function makeResampleCase(work: string, from: number, to: number) {
  const params = { sampleRate: from, seconds: RESAMPLE_SECONDS, seed: TEST_SIGNAL_DEFAULTS.seed };
  const wavPath = join(work, `case-${from}.wav`);
  writeFileSync(wavPath, encodeWav(synthesizeTestSignal(params), from, { encoding: 'float32' }));
  const file = `resampled-${from}-${to}.npy`;
  execFileSync(PYTHON, ['-c', RESAMPLE_PY, wavPath, join(work, file), String(to)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const samples = readNpy(readFileSync(join(work, file)));
  writeFileSync(join(outDir, file), writeNpy(samples.data, samples.shape));
  console.log(`${file}: ${samples.data.length} samples`);
  return { file, params, to };
}

function main(): void {
  if (!existsSync(peer)) {
    console.error(`missing ${peer}: the torchaudio reference lives in ../shared beside the repository`);
    process.exit(1);
  }
  const versions = execFileSync(PYTHON, ['-c', 'import torch, torchaudio; print(torch.__version__, torchaudio.__version__)'], {
    encoding: 'utf8',
  })
    .trim()
    .split(' ');
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'ser-mel-ref-'));
  const references = [];
  const resampleCases = [];
  try {
    for (const sampleRate of RATES) {
      const params = { sampleRate, ...TEST_SIGNAL_DEFAULTS };
      const wav = encodeWav(synthesizeTestSignal(params), sampleRate, { encoding: 'pcm16' });
      const wavPath = join(work, `test-${sampleRate}.wav`);
      const npyPath = join(work, `reference-${sampleRate}.npy`);
      writeFileSync(wavPath, wav);
      execFileSync(PYTHON, [peer, 'features', wavPath, npyPath], { stdio: ['ignore', 'ignore', 'inherit'] });
      // Re-written through our writer: same bytes layout, and proves the reader/writer pair on real output.
      const reference = readNpy(readFileSync(npyPath));
      const file = `reference-${sampleRate}.npy`;
      writeFileSync(join(outDir, file), writeNpy(reference.data, reference.shape));
      let resampled: string | undefined;
      if (sampleRate !== 16000) {
        resampled = `resampled-${sampleRate}-16000.npy`;
        execFileSync(PYTHON, ['-c', RESAMPLE_PY, wavPath, join(work, resampled), '16000'], { stdio: ['ignore', 'ignore', 'inherit'] });
        const samples = readNpy(readFileSync(join(work, resampled)));
        writeFileSync(join(outDir, resampled), writeNpy(samples.data, samples.shape));
      }
      references.push({ file, resampled, params, wavEncoding: 'pcm16', wavSha256: createHash('sha256').update(wav).digest('hex'), shape: reference.shape });
      console.log(`${file}: [${reference.shape.join(', ')}] from ${sampleRate} Hz`);
    }
    for (const [from, to] of RESAMPLE_CASES) resampleCases.push(makeResampleCase(work, from, to));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const manifest = {
    description: 'log-mel references of synthesizeTestSignal() by ../shared/peers/mel_reference.py; regenerate with the command below',
    command: 'npx tsx libs/audio/scripts/make-reference.ts',
    peer: { script: 'mel_reference.py features IN.wav OUT.npy', torch: versions[0], torchaudio: versions[1] },
    references,
    resampleCases,
  };
  writeFileSync(join(outDir, 'reference.json'), JSON.stringify(manifest, null, 2) + '\n');
}

main();
