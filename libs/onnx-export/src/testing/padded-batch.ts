// Shared by the export specs: clips right-padded into one batch the way the inference service batches them, and an
// export's probabilities for such a batch, to compare with the tfjs answer.
import * as ort from 'onnxruntime-node';
import { FOP_ONNX_IO } from '../fop-classifier-onnx';

export interface PaddedBatch {
  /** [batch, longest, ...step]: each clip's steps from the start of its row, then padding. */
  data: Float32Array;
  dims: number[];
  /** Each clip's real steps. */
  lengths: number[];
  longest: number;
}

/** Right-pads clips of whole steps (a log-mel frame: [nMels]; a spectrogram segment: [frames, bins]) into one batch. */
export function paddedBatch(clips: Float32Array[], step: readonly number[], padValue = 0): PaddedBatch {
  const stepSize = step.reduce((a, b) => a * b, 1);
  const lengths = clips.map((clip) => clip.length / stepSize);
  const longest = Math.max(...lengths);
  const data = new Float32Array(clips.length * longest * stepSize).fill(padValue);
  clips.forEach((clip, b) => data.set(clip, b * longest * stepSize));
  return { data, dims: [clips.length, longest, ...step], lengths, longest };
}

export interface BatchLayout {
  step: readonly number[];
  classes: number;
  /** The export's steps input: FOP_ONNX_IO.features unless said. */
  input?: string;
  /** What padding holds: any value, since the lengths say what is real. */
  padValue?: number;
}

/**
 * An export's probabilities for clips as one right-padded batch, a row per clip. `lengths` replaces the real ones, to
 * show that the lengths input is what keeps padding out.
 */
export async function onnxProbabilities(session: ort.InferenceSession, clips: Float32Array[], layout: BatchLayout, lengths?: number[]): Promise<number[][]> {
  const batch = paddedBatch(clips, layout.step, layout.padValue);
  const out = await session.run({
    [layout.input ?? FOP_ONNX_IO.features]: new ort.Tensor('float32', batch.data, batch.dims),
    [FOP_ONNX_IO.lengths]: new ort.Tensor('int64', BigInt64Array.from((lengths ?? batch.lengths).map(BigInt)), [clips.length]),
  });
  const p = out[FOP_ONNX_IO.probabilities]!.data as Float32Array;
  return clips.map((_, b) => Array.from(p.subarray(b * layout.classes, (b + 1) * layout.classes)));
}

export const maxAbsDiff = (a: number[][], b: number[][]) => Math.max(...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i]![j]!))));
