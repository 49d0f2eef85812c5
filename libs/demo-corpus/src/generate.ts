/**
 * Writes the demo corpus: `<Emotion>/<speaker>_<gender>_<nnn>.wav` (16-bit WAV, the URDU-like
 * folder-per-emotion layout) plus `manifest.csv` (path,label,speaker,gender) and a small
 * `demo-corpus.json` recording how it was made.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeWav } from '@ser/audio';
import { DEMO_EMOTIONS, EMOTION_PROSODY, isDemoEmotion, type DemoEmotion } from './emotions';
import { DEMO_SENTENCES, espeakAvailable, synthesizeEspeakSpeech } from './espeak';
import { MAX_SPEECH_SECONDS, finishUtterance } from './finishing';
import { manifestCsv, type DemoManifestRow } from './manifest';
import { mixSeed, mulberry32 } from './random';
import { synthesizeSourceFilterSpeech } from './source-filter';
import { demoSpeakers, type DemoSpeaker } from './speakers';

export type DemoVoiceEngine = 'espeak-ng' | 'source-filter';

export interface DemoCorpusOptions {
  outDir: string;
  /** Number of speakers, alternating male/female; default 6. */
  speakers?: number;
  /** Utterances per speaker and emotion; default 10. */
  utterancesPerEmotion?: number;
  /** Emotions to generate, a subset of DEMO_EMOTIONS; default all four. */
  emotions?: readonly string[];
  /** Fixes every random choice; default 1. */
  seed?: number;
  /** Output rate, Hz; default 16000. */
  sampleRate?: number;
  /** 'auto': espeak-ng when it runs, else the source-filter voice; true: espeak-ng or fail; false: source-filter. */
  useEspeak?: 'auto' | boolean;
  /** The espeak-ng executable; default 'espeak-ng' (from PATH). */
  espeakCommand?: string;
  /** Utterances synthesised at once (espeak-ng runs as child processes); default 4. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoCorpusResult {
  files: number;
  manifestPath: string;
  outDir: string;
  /** Which voice made the audio. */
  engine: DemoVoiceEngine;
}

interface Job {
  speaker: DemoSpeaker;
  speakerIndex: number;
  emotion: DemoEmotion;
  utterance: number;
  path: string;
}

export const MANIFEST_FILE = 'manifest.csv';
export const CORPUS_INFO_FILE = 'demo-corpus.json';

function validate(options: DemoCorpusOptions): DemoEmotion[] {
  const emotions = options.emotions ?? DEMO_EMOTIONS;
  const unknown = emotions.filter((e) => !isDemoEmotion(e));
  if (unknown.length > 0) throw new RangeError(`unknown emotion(s) ${unknown.join(', ')}; known: ${DEMO_EMOTIONS.join(', ')}`);
  if (new Set(emotions).size !== emotions.length || emotions.length === 0) throw new RangeError('emotions must be a non-empty list without repeats');
  const perEmotion = options.utterancesPerEmotion ?? 10;
  if (!Number.isInteger(perEmotion) || perEmotion < 1 || perEmotion * emotions.length > 999) {
    throw new RangeError(`utterancesPerEmotion must be an integer >= 1 with at most 999 files per speaker, got ${perEmotion}`);
  }
  const sampleRate = options.sampleRate ?? 16000;
  if (!Number.isInteger(sampleRate) || sampleRate < 8000) throw new RangeError(`sampleRate must be an integer >= 8000, got ${sampleRate}`);
  return emotions as DemoEmotion[];
}

/** Files are numbered per speaker across emotions (001-010 angry, 011-020 happy, …): basenames stay unique corpus-wide. */
function planJobs(speakers: DemoSpeaker[], emotions: DemoEmotion[], perEmotion: number): Job[] {
  const jobs: Job[] = [];
  emotions.forEach((emotion, e) => {
    speakers.forEach((speaker, speakerIndex) => {
      for (let utterance = 0; utterance < perEmotion; utterance++) {
        const number = String(e * perEmotion + utterance + 1).padStart(3, '0');
        const path = `${EMOTION_PROSODY[emotion].folder}/${speaker.id}_${speaker.gender}_${number}.wav`;
        jobs.push({ speaker, speakerIndex, emotion, utterance, path });
      }
    });
  });
  return jobs;
}

async function chooseEngine(useEspeak: DemoCorpusOptions['useEspeak'], command: string): Promise<DemoVoiceEngine> {
  if (useEspeak === false) return 'source-filter';
  const available = await espeakAvailable(command);
  if (useEspeak === true && !available) throw new Error(`useEspeak: true but '${command} --version' does not run`);
  return available ? 'espeak-ng' : 'source-filter';
}

/** Runs `work` over `items` with at most `limit` in flight; results are not kept. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

export async function generateDemoCorpus(options: DemoCorpusOptions): Promise<DemoCorpusResult> {
  const emotions = validate(options);
  const seed = options.seed ?? 1;
  const sampleRate = options.sampleRate ?? 16000;
  const perEmotion = options.utterancesPerEmotion ?? 10;
  const command = options.espeakCommand ?? 'espeak-ng';
  const speakers = demoSpeakers(options.speakers ?? 6);
  const engine = await chooseEngine(options.useEspeak ?? 'auto', command);
  const jobs = planJobs(speakers, emotions, perEmotion);

  await Promise.all(emotions.map((e) => mkdir(join(options.outDir, EMOTION_PROSODY[e].folder), { recursive: true })));
  let done = 0;
  await forEachLimited(jobs, options.concurrency ?? 4, async (job) => {
    // One stream per utterance, keyed by its identity (not by order): same seed, same bytes.
    const random = mulberry32(mixSeed(seed, job.speakerIndex, DEMO_EMOTIONS.indexOf(job.emotion), job.utterance));
    const emotion = EMOTION_PROSODY[job.emotion];
    const speech =
      engine === 'espeak-ng'
        ? await synthesizeEspeakSpeech(command, job.speaker, emotion, sentenceFor(job), sampleRate, MAX_SPEECH_SECONDS, random)
        : synthesizeSourceFilterSpeech(job.speaker, emotion, sampleRate, random);
    const audio = finishUtterance(speech, sampleRate, emotion, job.speaker.levelOffsetDb, random);
    await writeFile(join(options.outDir, job.path), encodeWav(audio, sampleRate));
    options.onProgress?.(++done, jobs.length);
  });

  const rows: DemoManifestRow[] = jobs.map((job) => ({ path: job.path, label: job.emotion, speaker: job.speaker.id, gender: job.speaker.gender }));
  const manifestPath = join(options.outDir, MANIFEST_FILE);
  await writeFile(manifestPath, manifestCsv(rows));
  const info = { generator: '@ser/demo-corpus', engine, seed, sampleRate, emotions, utterancesPerEmotion: perEmotion, speakers };
  await writeFile(join(options.outDir, CORPUS_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
  return { files: jobs.length, manifestPath, outDir: options.outDir, engine };
}

/** Each speaker reads the same sentences in every emotion (as in acted corpora), starting at a different one. */
function sentenceFor(job: Job): string {
  return DEMO_SENTENCES[(job.utterance + job.speakerIndex) % DEMO_SENTENCES.length]!;
}
