import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemoCorpus } from '@ser/demo-corpus';
import { usageError } from '../cli-error';
import { progressBar } from '../progress';

const HELP = `Usage: ser demo-corpus --out DIR [--speakers 6] [--utterances 10] [--seed 1] [--no-espeak]

Synthesises a small emotional speech corpus (angry, happy, sad, neutral) with speaker- and emotion-dependent
prosody, using espeak-ng for the voice when it is installed. Writes WAVs and manifest.csv (format: manifest).
`;

export async function demoCorpusCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string', short: 'o' },
      speakers: { type: 'string', default: '6' },
      utterances: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      'no-espeak': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void process.stdout.write(HELP);
  if (!values.out) throw usageError(`--out is required\n\n${HELP}`);
  const [speakers, utterances, seed] = [values.speakers, values.utterances, values.seed].map(Number) as [number, number, number];
  if (![speakers, utterances, seed].every((n) => Number.isInteger(n) && n > 0)) throw usageError('--speakers, --utterances and --seed take positive integers');
  const bar = progressBar('synthesising');
  const result = await generateDemoCorpus({
    outDir: resolve(values.out),
    speakers,
    utterancesPerEmotion: utterances,
    seed,
    useEspeak: values['no-espeak'] ? false : 'auto',
    onProgress: (done: number, total: number) => bar.update(done, total),
  });
  bar.stop();
  process.stdout.write(`${result.files} files in ${result.outDir}; manifest ${result.manifestPath}\n`);
}
