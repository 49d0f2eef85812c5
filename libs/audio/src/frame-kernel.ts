import type { SparseFilterbank } from './mel-filterbank';
import { RealFft } from './real-fft';
import { buildModule, instantiate, StraightLineCode, type WasmMemory } from './wasm-writer';

/**
 * The per-frame work of the log-mel front end (window, real FFT, power, mel filters, log) as one
 * generated WebAssembly function, two frames at a time in the two f64 lanes of SIMD vectors: RealFft's algorithm (packed n/2-point complex radix-4 FFT + split
 * step) fully unrolled for one nFft, with every address, twiddle, window value and filter weight a
 * constant, so there are no loops, index tables, bounds checks or twiddle loads left. Why: the same
 * algorithm as JavaScript ran ~88k instructions per 512-point frame (valgrind), most of it
 * overhead around ~15k flops; this version is measured in libs/audio/README.md ("Speed").
 * The arithmetic is the same float64 operations in the same order as RealFft + the sparse filters.
 */

export interface FrameKernelSpec {
  nFft: number;
  /** Samples between the two frames one call computes. */
  hopLength: number;
  /** nFft values: the analysis window, zero-padded and centred (zeros skip their loads). */
  window: Float64Array;
  bank: SparseFilterbank;
  power: 1 | 2;
  /** Added before the log (>= MIN_KERNEL_LOG_OFFSET). */
  logOffset: number;
}

export interface FrameKernel {
  /** Byte address where the f32 signal may start; memory below it is the kernel's scratch. */
  readonly signalBase: number;
  memory(): ArrayBuffer;
  /** Makes the memory at least `bytes` long (views of the old buffer become detached). */
  reserve(bytes: number): void;
  /**
   * Log-mel features (f32) of the frames at f32 byte addresses `frame` and `frame + 4 hop`: the
   * first's nMels at byte address `out`, the second's right after them.
   */
  framePair(frame: number, out: number): void;
}

/** Largest nFft unrolled: 1024 points is ~0.4 MB of code; larger sizes keep the JavaScript path. */
export const MAX_KERNEL_NFFT = 1024;
const PAGE = 65536;
const LN2_HI = 6.9314718036912381649e-1; // fdlibm's split of ln 2: e * LN2_HI is exact
const LN2_LO = 1.90821492927058770002e-10;
/** Smallest logOffset the kernel takes: x + offset must be a normal float64 for its log. */
export const MIN_KERNEL_LOG_OFFSET = 2 ** -1022;

function generate(spec: FrameKernelSpec): StraightLineCode {
  const { nFft, hopLength, window, bank, power, logOffset } = spec;
  const half = nFft / 2;
  const [RE, IM, POW] = [0, 16 * half, 32 * half]; // f64x2: [frame t, frame t + 1] per entry
  const SIG = 0; // i32 params: frame address, output address
  const OUT = 1;
  const c = new StraightLineCode(2, 24);
  const v = Array.from({ length: 24 }, (_, i) => i + 2); // v128 locals
  const [x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i] = v.slice(0, 8) as [number, number, number, number, number, number, number, number];
  const [t0r, t0i, t1r, t1i, t2r, t2i, t3r, t3i] = v.slice(8, 16) as [number, number, number, number, number, number, number, number];
  const re = (p: number) => RE + 16 * p;
  const im = (p: number) => IM + 16 * p;

  /** x = signal[s] * window[s] into a local; a zero window value needs no load. */
  const windowed = (s: number, local: number) => {
    const w = window[s]!;
    if (w === 0) c.splat(0);
    else
      c.loadF32Pair(SIG, 4 * s, 4 * hopLength)
        .splat(w)
        .mul();
    c.set(local);
  };
  /** The radix-4 butterfly on x0..x3 (already twiddled), stored at p0..p3. */
  const butterfly = (p0: number, p1: number, p2: number, p3: number) => {
    c.get(x0r).get(x2r).add().set(t0r).get(x0i).get(x2i).add().set(t0i);
    c.get(x0r).get(x2r).sub().set(t1r).get(x0i).get(x2i).sub().set(t1i);
    c.get(x1r).get(x3r).add().set(t2r).get(x1i).get(x3i).add().set(t2i);
    c.get(x1r).get(x3r).sub().set(t3r).get(x1i).get(x3i).sub().set(t3i);
    c.store(null, re(p0), () => c.get(t0r).get(t2r).add()).store(null, im(p0), () => c.get(t0i).get(t2i).add());
    c.store(null, re(p2), () => c.get(t0r).get(t2r).sub()).store(null, im(p2), () => c.get(t0i).get(t2i).sub());
    c.store(null, re(p1), () => c.get(t1r).get(t3i).add()).store(null, im(p1), () => c.get(t1i).get(t3r).sub());
    c.store(null, re(p3), () => c.get(t1r).get(t3i).sub()).store(null, im(p3), () => c.get(t1i).get(t3r).add());
  };
  /** (xr, xi) = W * Z[p] with W = exp(-2 pi i j / half); j = 0 is a plain load (as RealFft's w = 1). */
  const twiddled = (p: number, j: number, xr: number, xi: number) => {
    if (j === 0) {
      c.load(null, re(p)).set(xr).load(null, im(p)).set(xi);
      return;
    }
    const [wr, wi] = [Math.cos((2 * Math.PI * j) / half), -Math.sin((2 * Math.PI * j) / half)];
    c.load(null, re(p)).set(t0r).load(null, im(p)).set(t0i);
    c.splat(wr).get(t0r).mul().splat(wi).get(t0i).mul().sub().set(xr);
    c.splat(wr).get(t0i).mul().splat(wi).get(t0r).mul().add().set(xi);
  };

  const log2 = Math.log2(half);
  const source = RealFft.inputOrder(half);
  let size: number;
  if (log2 % 2 === 0) {
    for (let p = 0; p < half; p += 4) {
      const xs = [x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i];
      for (let i = 0; i < 4; i++) {
        windowed(2 * source[p + i]!, xs[2 * i]!);
        windowed(2 * source[p + i]! + 1, xs[2 * i + 1]!);
      }
      butterfly(p, p + 1, p + 2, p + 3);
    }
    size = 16;
  } else {
    for (let p = 0; p < half; p += 2) {
      windowed(2 * source[p]!, x0r);
      windowed(2 * source[p]! + 1, x0i);
      windowed(2 * source[p + 1]!, x1r);
      windowed(2 * source[p + 1]! + 1, x1i);
      c.store(null, re(p), () => c.get(x0r).get(x1r).add()).store(null, im(p), () => c.get(x0i).get(x1i).add());
      c.store(null, re(p + 1), () => c.get(x0r).get(x1r).sub()).store(null, im(p + 1), () => c.get(x0i).get(x1i).sub());
    }
    size = 8;
  }
  for (; size <= half; size *= 4) {
    const q = size >> 2;
    const stride = half / size;
    for (let k = 0; k < q; k++) {
      for (let p0 = k; p0 < half; p0 += size) {
        c.load(null, re(p0)).set(x0r).load(null, im(p0)).set(x0i);
        twiddled(p0 + q, k * stride, x1r, x1i);
        twiddled(p0 + 2 * q, 2 * k * stride, x2r, x2i);
        twiddled(p0 + 3 * q, 3 * k * stride, x3r, x3i);
        butterfly(p0, p0 + q, p0 + 2 * q, p0 + 3 * q);
      }
    }
  }

  // The split step of RealFft.windowedSpectrum, into POW.
  const pow = (k: number) => POW + 16 * k;
  const magnitude = (pushed: StraightLineCode = c) => (power === 1 ? pushed.sqrt() : pushed);
  const [a, b, cc, d, er, ei, or, oi, tr, ti] = v.slice(0, 10) as [number, number, number, number, number, number, number, number, number, number];
  c.load(null, re(0)).set(a).load(null, im(0)).set(b);
  c.store(null, pow(0), () => magnitude(c.get(a).get(b).add().tee(er).get(er).mul()));
  c.store(null, pow(half), () => magnitude(c.get(a).get(b).sub().tee(er).get(er).mul()));
  for (let k = 1, j = half - 1; k <= j; k++, j--) {
    c.load(null, re(k)).set(a).load(null, im(k)).set(b).load(null, re(j)).set(cc).load(null, im(j)).set(d);
    c.get(a).get(cc).add().set(er).get(b).get(d).sub().set(ei).get(b).get(d).add().set(or).get(cc).get(a).sub().set(oi);
    const [wr, wi] = [Math.cos((2 * Math.PI * k) / nFft), -Math.sin((2 * Math.PI * k) / nFft)];
    c.splat(wr).get(or).mul().splat(wi).get(oi).mul().sub().set(tr);
    c.splat(wr).get(oi).mul().splat(wi).get(or).mul().add().set(ti);
    const quarterSquares = (first: () => void, second: () => void) => {
      c.splat(0.25);
      first();
      c.tee(a).get(a).mul();
      second();
      c.tee(b).get(b).mul().add().mul();
      magnitude();
    };
    c.store(null, pow(k), () =>
      quarterSquares(
        () => c.get(er).get(tr).add(),
        () => c.get(ei).get(ti).add(),
      ),
    );
    c.store(null, pow(j), () =>
      quarterSquares(
        () => c.get(er).get(tr).sub(),
        () => c.get(ti).get(ei).sub(),
      ),
    );
  }

  /**
   * Pops x (>= 0) and leaves float32(log(x + offset)) in `into`, as fdlibm does it: x + offset =
   * m 2^e with m in [sqrt(1/2), sqrt(2)), log m = 2 atanh(s) with s = (m - 1) / (m + 1), |s| < 0.172,
   * whose series to s^15 is within 2e-14 (Math.log would be a call out of the kernel per value:
   * ~10k instructions a frame, a third of it all). Needs x + offset normal: offset >= 2^-1022.
   */
  const [X, E, M, B, S, Z, T] = v.slice(10, 17) as [number, number, number, number, number, number, number];
  const logOf = (into: number, offset: number) => {
    c.splat(offset).add().set(X);
    const biasedExponent = () =>
      c
        .get(X)
        .shiftRightU64(52)
        .splatBits(0x4330000000000000n)
        .or()
        .splat(2 ** 52)
        .sub(); // exact int -> f64
    c.get(X).splatBits(0x000fffffffffffffn).and().splatBits(0x3ff0000000000000n).or().set(M); // mantissa in [1, 2)
    c.get(M).splat(Math.SQRT2).gt().set(B);
    c.get(M).splat(0.5).mul().get(M).get(B).bitselect().set(M);
    biasedExponent();
    c.splat(1023).sub().get(B).splatBits(0x3ff0000000000000n).and().add().set(E); // + 1 where m was halved
    c.get(M).splat(1).sub().get(M).splat(1).add().div().set(S);
    c.get(S).get(S).mul().set(Z);
    c.splat(1 / 15);
    for (const coefficient of [1 / 13, 1 / 11, 1 / 9, 1 / 7, 1 / 5, 1 / 3]) c.get(Z).mul().splat(coefficient).add();
    c.get(Z).mul().get(S).get(S).add().tee(T).mul().get(T).add(); // 2s + 2s z p(z)
    c.get(E).splat(LN2_LO).mul().add().get(E).splat(LN2_HI).mul().add();
    c.demote().set(into);
  };

  // The sparse filters, each a run of bins, summed in order from 0 as the JavaScript path does.
  const { first, count, at, taps, nMels } = bank;
  for (let m = 0; m < nMels; m++) {
    if (count[m] === 0) c.splat(0);
    for (let i = 0; i < count[m]!; i++) {
      c.load(null, pow(first[m]! + i))
        .splat(taps[at[m]! + i]!)
        .mul();
      if (i > 0) c.add();
    }
    logOf(a, logOffset);
    c.storeLaneF32(OUT, 4 * m, a, 0).storeLaneF32(OUT, 4 * (nMels + m), a, 1);
  }
  return c;
}

// Generating is the costly part of a kernel (~15 ms warm, ~0.3 s in a cold process for 512
// points); compiling the bytes takes ~1 ms, so each distinct spec is generated once per thread.
const generated = new Map<string, Uint8Array>();

function specKey({ nFft, hopLength, window, bank, power, logOffset }: FrameKernelSpec): string {
  const { first, count, at, taps } = bank;
  return JSON.stringify([nFft, hopLength, power, logOffset, ...[window, first, count, at, taps].map((a) => Array.from(a))]);
}

/** A kernel (with its own memory) for one configuration, compiled synchronously. */
export function createFrameKernel(spec: FrameKernelSpec): FrameKernel {
  const key = specKey(spec);
  let bytes = generated.get(key);
  if (!bytes) generated.set(key, (bytes = buildModule('framePair', generate(spec), 1)));
  const exports = instantiate(bytes);
  const memory = exports.memory as WasmMemory;
  const framePair = exports.framePair as (frame: number, out: number) => void;
  return {
    signalBase: PAGE,
    memory: () => memory.buffer,
    reserve(bytes) {
      const have = memory.buffer.byteLength;
      if (bytes > have) memory.grow(Math.ceil((bytes - have) / PAGE));
    },
    framePair,
  };
}
