import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AudioDecodeError, createTacnFrontEnd, decodeAudioFile, logMel, writeNpy } from '@ser/audio';
import { CliError, usageError } from '../cli-error';

const HELP = `Usage: ser features IN --out OUT.npy [--kind log-mel|tacn]

Decodes IN (WAV of any common kind; FLAC/MP3/OGG/M4A through ffmpeg), resamples to 16 kHz and writes
its features as a NumPy .npy file: log-mel float32 [frames, 80] (default), or TACN spectrogram segments
float32 [segments, 32, 129].
`;

export async function featuresCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, kind: { type: 'string', default: 'log-mel' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return void process.stdout.write(HELP);
  if (positionals.length !== 1) throw usageError(`features takes one input file\n\n${HELP}`);
  if (!values.out) throw usageError(`--out is required\n\n${HELP}`);
  if (values.kind !== 'log-mel' && values.kind !== 'tacn') throw usageError(`--kind must be log-mel or tacn, not '${values.kind}'`);
  let samples: Float32Array;
  try {
    samples = (await decodeAudioFile(positionals[0]!)).samples;
  } catch (err) {
    if (err instanceof AudioDecodeError || (err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CliError(`cannot read ${positionals[0]}: ${(err as Error).message}`);
    }
    throw err;
  }
  let npy: Uint8Array;
  if (values.kind === 'tacn') {
    const seg = createTacnFrontEnd().compute(samples); // [segments, 32, 129]
    npy = writeNpy(seg.data, [seg.segments, seg.frames, seg.bins]);
  } else {
    const mel = logMel(samples); // [frames, 80]
    npy = writeNpy(mel.data, [mel.frames, mel.nMels]);
  }
  await writeFile(values.out, npy);
  process.stderr.write(`wrote ${values.out}\n`);
}
