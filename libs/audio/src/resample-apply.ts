import type { PolyphaseKernel } from './resample-kernel';
import { audioWork } from './work';

// Reused between calls (the library is synchronous, so one caller at a time per thread): a fresh
// buffer per clip costs an allocation and its page faults. Float64 so the hot loop needs no
// float32 -> float64 conversion per load.
let scratch = new Float64Array(0);
const SCRATCH_LIMIT = 1 << 22; // longer signals (> ~95 s at 44.1 kHz) get a buffer of their own

/** The input with zero padding as torchaudio: `before` zeros ahead, `after` zeros behind. */
function paddedCopy(input: Float32Array, before: number, after: number): Float64Array {
  const length = input.length + before + after;
  let out: Float64Array;
  if (length > SCRATCH_LIMIT) out = new Float64Array(length);
  else {
    if (scratch.length < length) scratch = new Float64Array(Math.min(SCRATCH_LIMIT, Math.max(length, 2 * scratch.length)));
    out = scratch;
    out.fill(0, 0, before);
    out.fill(0, before + input.length, length);
  }
  out.set(input, before);
  return out;
}

/**
 * Padded samples the outputs [0, outLength) read: torchaudio pads `width + orig` zeros behind, but a
 * short clip's last block reads only up to its last phase's taps, so no more than that is filled.
 */
function paddedLength(kernel: PolyphaseKernel, outLength: number): number {
  const { orig, next, first, count } = kernel;
  const lastBlock = Math.floor((outLength - 1) / next);
  const lastPhase = (outLength - 1) % next;
  let end = 0;
  for (let j = 0; j < Math.min(next, outLength); j++) {
    const blockOfJ = j <= lastPhase ? lastBlock : lastBlock - 1; // the last block that computes phase j
    end = Math.max(end, blockOfJ * orig + first[j]! + count[j]!);
  }
  return end;
}

/** One output sample: phase j of the block starting at input offset `blockStart` (padded coordinates). */
function dot(kernel: PolyphaseKernel, padded: Float64Array, blockStart: number, j: number): number {
  const { taps } = kernel;
  let acc = 0;
  for (let i = 0, x = blockStart + kernel.first[j]!, h = kernel.at[j]!, n = kernel.count[j]!; i < n; i++, x++, h++) {
    acc += taps[h]! * padded[x]!;
  }
  return acc;
}

/**
 * The kernel regrouped for the hot loop: phases j and j + 1 read overlapping input windows (their
 * first taps are orig/next apart), so each pair gets one window covering both, with the two tap
 * sets interleaved and zero-filled where a phase has no tap.
 */
interface PairedTaps {
  first: Int32Array; // per pair: offset of the shared window inside the padded block
  length: Int32Array; // per pair: window length
  at: Int32Array; // per pair: where its interleaved taps (w_j, w_j+1, w_j, ...) start
  taps: Float64Array;
}

const paired = new WeakMap<PolyphaseKernel, PairedTaps>();

function pairTaps(kernel: PolyphaseKernel): PairedTaps {
  const { next, first, count, at, taps } = kernel;
  const pairs = Math.ceil(next / 2);
  const out: PairedTaps = { first: new Int32Array(pairs), length: new Int32Array(pairs), at: new Int32Array(pairs), taps: new Float64Array(0) };
  const flat: number[] = [];
  for (let g = 0; g < pairs; g++) {
    const phases = [2 * g, 2 * g + 1].filter((j) => j < next); // an odd phase count leaves the last alone
    const lo = Math.min(...phases.map((j) => first[j]!));
    const hi = Math.max(...phases.map((j) => first[j]! + count[j]!));
    out.first[g] = lo;
    out.length[g] = hi - lo;
    out.at[g] = flat.length;
    for (let i = lo; i < hi; i++) {
      for (const j of [2 * g, 2 * g + 1]) {
        const k = i - (first[j] ?? 0);
        flat.push(j < next && k >= 0 && k < count[j]! ? taps[at[j]! + k]! : 0);
      }
    }
  }
  out.taps = Float64Array.from(flat);
  return out;
}

const BLOCKS = 4; // consecutive blocks computed together

/**
 * torchaudio's strided convolution over the kept taps. The hot loop computes two phases for four
 * consecutive blocks (eight outputs) at once: each input sample is loaded once for two
 * multiply-adds and each tap once for four. In V8 the typed-array loads (a map check, bounds check
 * and address arithmetic each, none hoisted out of the loop), not the multiplies, are the cost;
 * this blocking measured 0.77x the instructions of eight blocks one phase at a time, and 0.62x of
 * four blocks through one array (valgrind, node --single-threaded); blocks are read through
 * subarray views so no index arithmetic repeats per load.
 */
export function applyKernel(kernel: PolyphaseKernel, input: Float32Array, outLength: number): Float32Array {
  const { orig, next, width } = kernel;
  const out = new Float32Array(outLength);
  if (outLength === 0) return out;
  const after = Math.max(0, paddedLength(kernel, outLength) - width - input.length);
  const padded = paddedCopy(input, width, after); // may be longer (the reused scratch): nothing past `after` is read
  let steps = width + input.length + after;
  const blocks = Math.ceil(outLength / next);
  const fullBlocks = Math.floor(outLength / next);
  let block = 0;
  if (fullBlocks >= BLOCKS) {
    let pairs = paired.get(kernel);
    if (!pairs) paired.set(kernel, (pairs = pairTaps(kernel)));
    const { first, length, at, taps } = pairs;
    const p0 = padded;
    const p1 = padded.subarray(orig);
    const p2 = padded.subarray(2 * orig);
    const p3 = padded.subarray(3 * orig);
    const lastPair = next >> 1; // == pairs when next is even; else the lone last phase's pair index
    for (; block + BLOCKS <= fullBlocks; block += BLOCKS) {
      const blockStart = block * orig;
      for (let g = 0, j = 0; j < next; g++, j += 2) {
        let x = blockStart + first[g]!;
        let h = at[g]!;
        const end = h + 2 * length[g]!;
        let a0 = 0; // phase j, blocks 0..3
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        let b0 = 0; // phase j + 1, blocks 0..3
        let b1 = 0;
        let b2 = 0;
        let b3 = 0;
        for (; h < end; h += 2, x++) {
          const u = taps[h]!;
          const w = taps[h + 1]!;
          const v0 = p0[x]!;
          const v1 = p1[x]!;
          const v2 = p2[x]!;
          const v3 = p3[x]!;
          a0 += u * v0;
          b0 += w * v0;
          a1 += u * v1;
          b1 += w * v1;
          a2 += u * v2;
          b2 += w * v2;
          a3 += u * v3;
          b3 += w * v3;
        }
        steps += end - at[g]!;
        const o = block * next + j;
        out[o] = a0;
        out[o + next] = a1;
        out[o + 2 * next] = a2;
        out[o + 3 * next] = a3;
        if (g === lastPair) continue; // odd phase count: the pair's second phase does not exist
        out[o + 1] = b0;
        out[o + 1 + next] = b1;
        out[o + 1 + 2 * next] = b2;
        out[o + 1 + 3 * next] = b3;
      }
    }
  }
  for (; block < blocks; block++) {
    for (let j = 0, o = block * next; j < next && o < outLength; j++, o++) {
      out[o] = dot(kernel, padded, block * orig, j);
      steps += kernel.count[j]!;
    }
  }
  audioWork.resampleSteps += steps;
  return out;
}
