/**
 * Writes the default demo corpus and reports the time it took:
 *   npx tsx libs/demo-corpus/scripts/generate-demo-corpus.ts --out=/tmp/demo [--voice=auto|espeak|source-filter] [--seed=1]
 */
import { generateDemoCorpus } from '../src/index';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const match = /^--([^=]+)=(.*)$/.exec(arg);
    if (!match) throw new Error(`expected --key=value, got ${arg}`);
    return [match[1]!, match[2]!];
  }),
);
const known = new Set(['out', 'voice', 'seed', 'speakers', 'utterances']);
for (const key of Object.keys(args)) if (!known.has(key)) throw new Error(`unknown option --${key}`);
if (!args.out) throw new Error('--out=<folder> is required');
const voice = args.voice ?? 'auto';
const useEspeak = voice === 'auto' ? 'auto' : voice === 'espeak' ? true : voice === 'source-filter' ? false : undefined;
if (useEspeak === undefined) throw new Error(`--voice must be auto, espeak or source-filter, got ${voice}`);

const started = performance.now();
const result = await generateDemoCorpus({
  outDir: args.out,
  useEspeak,
  seed: args.seed ? Number(args.seed) : undefined,
  speakers: args.speakers ? Number(args.speakers) : undefined,
  utterancesPerEmotion: args.utterances ? Number(args.utterances) : undefined,
});
const seconds = (performance.now() - started) / 1000;
console.log(`${result.files} files (${result.engine}) in ${seconds.toFixed(1)} s -> ${result.manifestPath}`);
