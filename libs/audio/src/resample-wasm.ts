import type { PolyphaseKernel } from './resample-kernel';
import { buildModule, instantiate, StraightLineCode, type WasmMemory } from './wasm-writer';
import { audioWork } from './work';

/**
 * The polyphase resampling kernel as one generated WebAssembly function per rate pair, float32x4 SIMD: each
 * output is a dot product of its phase's taps with a contiguous window of input samples, four taps per vector
 * instruction, with every window offset and tap address a constant (no index tables, no bounds checks), and
 * four outputs reduced and stored together. Why: resampling was the largest stage of the front end; the
 * JavaScript loop pays a typed-array bounds check and index arithmetic per load (resample-apply.ts).
 *
 * Sums are float32, as torchaudio's conv1d computes them; the JavaScript path sums in float64. The two agree
 * to ~1e-7 (resample-wasm.spec.ts) and both to torchaudio within the parity tests' 1e-5.
 */

/** Outputs one call may compute (~150 bytes of code per four): 44.1 kHz -> 16 kHz needs 160, 11.025 kHz 640. */
const MAX_OUTPUTS_PER_CALL = 4096;
/** Outputs one call computes at least: rates with few phases (48k -> 16k: one) do several blocks per call. */
const MIN_OUTPUTS_PER_CALL = 32;
/** Blocks copied into the module's memory at once: bounds it (~1.5 MB at 44.1 kHz) whatever the clip length. */
const CHUNK_BLOCKS = 1024;
const PAGE = 65536;

interface Layout {
  /** Blocks (of `next` outputs) per call. */
  blocksPerCall: number;
  /** Vectors of four taps per phase: the longest phase's, the others zero-padded to it. */
  vectors: number;
  /** Bytes of taps (phase j's at 16 + 16 * vectors * j); the input window follows them. */
  tapsBytes: number;
  /** Input samples one call reads past its first block's start. */
  reach: number;
  /** Vector multiply-adds per call (the work counted in audioWork). */
  perCall: number;
}

const TAPS_AT = 16;

function layout(kernel: PolyphaseKernel): Layout | undefined {
  const { next, orig, first, count } = kernel;
  if (first.length !== next) return undefined; // a kernel built for a short clip's phases only
  const vectors = Math.ceil(Math.max(...count) / 4);
  const blocksPerCall = Math.max(1, Math.ceil(MIN_OUTPUTS_PER_CALL / next));
  if (blocksPerCall * next > MAX_OUTPUTS_PER_CALL) return undefined;
  const perCall = vectors * next * blocksPerCall;
  let reach = 0;
  for (let j = 0; j < next; j++) reach = Math.max(reach, (blocksPerCall - 1) * orig + first[j]! + 4 * vectors);
  return { blocksPerCall, vectors, tapsBytes: TAPS_AT + 16 * vectors * next, reach, perCall };
}

/**
 * resampleCall(input, output, scratch): the outputs of `blocksPerCall` consecutive blocks, the first block's
 * padded input window starting at byte address `input`, written as float32 from byte address `output`
 * (`scratch`: any i32, used as the loop counter). Four outputs at a time: one loop over their taps, four
 * vectors per turn, each output's window offset and tap address an immediate; then the four sums reduced
 * and stored together, so up to three past the call's last output are written too (the next call overwrites
 * them). Loops, not fully unrolled code: in one long basic block V8 hoists every load to the top and spills.
 */
function generate(kernel: PolyphaseKernel, l: Layout): StraightLineCode {
  const { next, orig, first } = kernel;
  const [IN, OUT, V, XA] = [0, 1, 2, 3];
  const c = new StraightLineCode(4, 5);
  const acc = [4, 5, 6, 7] as const;
  const t = 8;
  const outputs = l.blocksPerCall * next;
  for (let o0 = 0; o0 < outputs; o0 += 4) {
    const group = [0, 1, 2, 3].map((i) => o0 + i).filter((o) => o < outputs);
    for (let i = 0; i < 4; i++) c.splat(0).set(acc[i]!);
    // V = 16 * vector index, XA = IN + V; each turn: acc_i += x[window_i + 4v, + 4) * taps_i[4v, + 4).
    c.i32(0).set(V).loop();
    c.get(IN).get(V).i32Add().set(XA);
    group.forEach((o, i) => {
      const j = o % next;
      const window = 4 * (Math.floor(o / next) * orig + first[j]!);
      c.loadUnaligned(XA, window)
        .load(V, TAPS_AT + 16 * l.vectors * j)
        .mulF32()
        .get(acc[i]!)
        .addF32()
        .set(acc[i]!);
    });
    c.get(V)
      .i32(16)
      .i32Add()
      .tee(V)
      .i32(16 * l.vectors)
      .i32Ne()
      .brIf(0)
      .end();
    // [a, b, c, d] sums: lanes paired across outputs and added, then the pairs' halves.
    c.get(acc[0]).get(acc[1]).shuffle32([0, 1, 4, 5]).get(acc[0]).get(acc[1]).shuffle32([2, 3, 6, 7]).addF32().set(t);
    c.get(acc[2]).get(acc[3]).shuffle32([0, 1, 4, 5]).get(acc[2]).get(acc[3]).shuffle32([2, 3, 6, 7]).addF32().set(acc[0]);
    c.store(OUT, 4 * o0, () => c.get(t).get(acc[0]).shuffle32([0, 2, 4, 6]).get(t).get(acc[0]).shuffle32([1, 3, 5, 7]).addF32());
  }
  return c;
}

export interface WasmResampleKernel {
  /** Resamples `input` to `outLength` samples, as applyKernel does (torchaudio's zero padding and length). */
  apply(input: Float32Array, outLength: number): Float32Array;
}

// Module bytes per kernel (each thread instantiates its own; a kernel object lives in resample.ts's cache).
const generated = new WeakMap<PolyphaseKernel, Uint8Array>();

/** The kernel as WebAssembly, or undefined when it is too large to unroll (rates whose gcd is small). */
export function createWasmResampleKernel(kernel: PolyphaseKernel): WasmResampleKernel | undefined {
  const l = layout(kernel);
  if (!l) return undefined;
  let bytes = generated.get(kernel);
  if (!bytes) generated.set(kernel, (bytes = buildModule('resampleCall', generate(kernel, l), 1)));
  const exports = instantiate(bytes);
  const memory = exports.memory as WasmMemory;
  const call = exports.resampleCall as (input: number, output: number, scratch: number, scratch2: number) => void;
  const reserve = (total: number) => {
    if (total > memory.buffer.byteLength) memory.grow(Math.ceil((total - memory.buffer.byteLength) / PAGE));
  };
  reserve(l.tapsBytes);
  const taps = new Float32Array(memory.buffer, 0, l.tapsBytes / 4);
  for (let j = 0; j < kernel.next; j++) taps.set(kernel.taps.subarray(kernel.at[j]!, kernel.at[j]! + kernel.count[j]!), (TAPS_AT + 16 * l.vectors * j) / 4);

  const { orig, next, width } = kernel;
  const blocksPerCall = l.blocksPerCall;
  return {
    apply(input, outLength) {
      const out = new Float32Array(outLength);
      const blocks = Math.ceil(outLength / next);
      for (let b0 = 0; b0 < blocks; b0 += CHUNK_BLOCKS) {
        const calls = Math.ceil(Math.min(CHUNK_BLOCKS, blocks - b0) / blocksPerCall);
        const windowLength = (calls - 1) * blocksPerCall * orig + l.reach; // padded input samples the chunk reads
        const inputAt = l.tapsBytes;
        const outputAt = inputAt + 16 * Math.ceil(windowLength / 4); // 16-byte aligned: outputs go out four at a time
        reserve(outputAt + 4 * (calls * blocksPerCall * next + 4));
        const memoryF32 = new Float32Array(memory.buffer);
        // The padded input [b0 * orig, + windowLength): torchaudio's `width` zeros ahead, zeros behind.
        const from = b0 * orig - width;
        const window = memoryF32.subarray(inputAt / 4, inputAt / 4 + windowLength);
        const lo = Math.max(0, -from);
        const hi = Math.max(lo, Math.min(windowLength, input.length - from));
        window.fill(0, 0, lo);
        window.set(input.subarray(from + lo, from + hi), lo);
        window.fill(0, hi);
        for (let k = 0; k < calls; k++) call(inputAt + 4 * k * blocksPerCall * orig, outputAt + 4 * k * blocksPerCall * next, 0, 0);
        const produced = Math.min(outLength - b0 * next, calls * blocksPerCall * next);
        out.set(memoryF32.subarray(outputAt / 4, outputAt / 4 + produced), b0 * next);
        audioWork.resampleSteps += windowLength + calls * l.perCall;
      }
      return out;
    },
  };
}
