// Runs in a worker thread (piscina): decode one file, resample to 16 kHz, compute its features.
// Transferable Float32Arrays come back without a copy; a bad file is a value, never a thrown error,
// so one unreadable clip cannot take the pool down.
import { readFile, realpath } from 'node:fs/promises';
import { AudioDecodeError, createLogMel, createTacnFrontEnd, decodeAudio, type AudioDecodeReason } from '@ser/audio';
import { isInside } from '@ser/corpora';

export interface FeatureJob {
  path: string;
  /**
   * Real corpus directory `path` must resolve inside. Checked again here, at read time: a work item waits on Kafka
   * for minutes, and a file swapped for a symlink out of the corpus in the meantime must not be read.
   */
  root?: string;
  minDurationSeconds: number;
  kinds: Array<'log-mel' | 'tacn'>;
}

export type FeatureJobResult =
  | {
      ok: true;
      durationSeconds: number;
      logMel?: { data: Float32Array; frames: number; dims: number };
      tacn?: { data: Float32Array; segments: number; frames: number; bins: number };
    }
  | { ok: false; reason: 'unreadable' | 'empty' | 'too short' | 'unsupported' | 'truncated' | 'outside corpus root'; message: string };

/** Decoder reasons -> the ingestion report's reasons (what a user can act on). */
const REASONS: Partial<Record<AudioDecodeReason, 'empty' | 'truncated' | 'unsupported' | 'too short'>> = {
  empty: 'empty',
  'too-short': 'too short',
  truncated: 'truncated',
  unsupported: 'unsupported',
  'not-audio': 'unsupported',
  'not-wav': 'unsupported',
};

const logMel = createLogMel();
const tacn = createTacnFrontEnd();

export default async function extract(job: FeatureJob): Promise<FeatureJobResult> {
  let bytes: Buffer;
  try {
    const real = await realpath(job.path);
    if (job.root !== undefined && !isInside(real, job.root)) {
      return { ok: false, reason: 'outside corpus root', message: `resolves to ${real} (through a symbolic link), outside ${job.root}` };
    }
    bytes = await readFile(real);
  } catch (err) {
    return { ok: false, reason: 'unreadable', message: (err as Error).message };
  }
  if (bytes.length === 0) return { ok: false, reason: 'empty', message: 'file has no bytes' };
  let samples: Float32Array;
  try {
    samples = (await decodeAudio(bytes)).samples;
  } catch (err) {
    if (err instanceof AudioDecodeError) {
      const reason = REASONS[err.reason] ?? 'unreadable';
      return { ok: false, reason, message: err.message };
    }
    return { ok: false, reason: 'unreadable', message: (err as Error).message };
  }
  const durationSeconds = samples.length / 16000;
  if (samples.length === 0) return { ok: false, reason: 'empty', message: 'no audio samples' };
  if (durationSeconds < job.minDurationSeconds) {
    return { ok: false, reason: 'too short', message: `${durationSeconds.toFixed(3)} s < ${job.minDurationSeconds} s` };
  }
  const result: FeatureJobResult = { ok: true, durationSeconds };
  if (job.kinds.includes('log-mel')) {
    const m = logMel.compute(samples); // [frames, 80]
    result.logMel = { data: m.data, frames: m.frames, dims: m.nMels };
  }
  if (job.kinds.includes('tacn')) {
    const t = tacn.compute(samples); // [segments, 32, 129]
    result.tacn = { data: t.data, segments: t.segments, frames: t.frames, bins: t.bins };
  }
  return result;
}
