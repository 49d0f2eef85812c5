/**
 * Power (or magnitude) spectrum of a real frame of n samples: an n/2-point complex FFT of the
 * even/odd samples packed as re/im, then the split step that untangles the two halves. The complex
 * FFT is decimation-in-time with radix-4 stages (one radix-2 stage first when n/2 is not a power
 * of 4), separate re/im arrays and the input permutation folded into the packing loop.
 */

/** Input order of a mixed-radix DIT FFT whose stages have these radices, first stage first. */
function digitReversal(size: number, radices: readonly number[]): Int32Array {
  const order = (seq: number[], stages: readonly number[]): number[] => {
    const last = stages[stages.length - 1];
    if (last === undefined) return seq;
    const inner = stages.slice(0, -1);
    const out: number[] = [];
    for (let r = 0; r < last; r++)
      out.push(
        ...order(
          seq.filter((_, i) => i % last === r),
          inner,
        ),
      );
    return out;
  };
  return Int32Array.from(
    order(
      Array.from({ length: size }, (_, i) => i),
      radices,
    ),
  );
}

export class RealFft {
  readonly size: number;
  private readonly half: number;
  private readonly firstRadix: 2 | 4;
  private readonly source: Int32Array; // position p of the packed FFT input reads complex sample source[p]
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private readonly twiddleRe: Float64Array; // exp(-2 pi i j / half), j < 3 half / 4
  private readonly twiddleIm: Float64Array;
  private readonly splitRe: Float64Array; // exp(-2 pi i k / size), k <= half
  private readonly splitIm: Float64Array;
  private readonly ones: Float64Array; // the window of plain spectrum()

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 8 || (size & (size - 1)) !== 0) {
      throw new RangeError(`RealFft size must be a power of two >= 8, got ${size}`);
    }
    this.size = size;
    const half = size / 2;
    this.half = half;
    this.firstRadix = Math.log2(half) % 2 === 0 ? 4 : 2;
    this.source = RealFft.inputOrder(half);
    this.re = new Float64Array(half);
    this.im = new Float64Array(half);
    const quarters = Math.max(1, (3 * half) / 4);
    this.twiddleRe = new Float64Array(quarters);
    this.twiddleIm = new Float64Array(quarters);
    for (let j = 0; j < quarters; j++) {
      this.twiddleRe[j] = Math.cos((2 * Math.PI * j) / half);
      this.twiddleIm[j] = -Math.sin((2 * Math.PI * j) / half);
    }
    this.ones = new Float64Array(size).fill(1);
    this.splitRe = new Float64Array(half + 1);
    this.splitIm = new Float64Array(half + 1);
    for (let k = 0; k <= half; k++) {
      this.splitRe[k] = Math.cos((2 * Math.PI * k) / size);
      this.splitIm[k] = -Math.sin((2 * Math.PI * k) / size);
    }
  }

  /**
   * Position p of the packed complex input reads complex sample inputOrder(half)[p]: the digit
   * reversal of one radix-2 or radix-4 first stage followed by radix-4 stages.
   */
  static inputOrder(half: number): Int32Array {
    const log2 = Math.log2(half);
    const firstRadix = log2 % 2 === 0 ? 4 : 2;
    return digitReversal(half, [firstRadix, ...Array<number>((log2 - (firstRadix === 4 ? 2 : 1)) / 2).fill(4)]);
  }

  /** out[k] = |X[k]|^2 (power 2) or |X[k]| (power 1) for k = 0..size/2 of the real input frame. */
  spectrum(frame: Float64Array, out: Float64Array, power: 1 | 2 = 2): void {
    this.windowedSpectrum(frame, 0, this.ones, out, power);
  }

  /**
   * The spectrum of signal[offset .. offset + size) * window, reading the signal directly: the
   * windowing happens in the FFT's first pass instead of through a frame buffer.
   */
  windowedSpectrum(signal: ArrayLike<number>, offset: number, window: Float64Array, out: Float64Array, power: 1 | 2 = 2): void {
    this.complexFft(signal, offset, window);
    const { re, im, half, splitRe, splitIm } = this;
    const r0 = re[0]!;
    const i0 = im[0]!;
    out[0] = (r0 + i0) * (r0 + i0);
    out[half] = (r0 - i0) * (r0 - i0);
    // Bins k and half - k come from the same two values Z[k], Z[half-k] and mirrored twiddles
    // (W^(half-k) = -conj W^k), so each iteration finishes both: half the loads and iterations.
    for (let k = 1, j = half - 1; k <= j; k++, j--) {
      const a = re[k]!;
      const b = im[k]!;
      const c = re[j]!;
      const d = im[j]!;
      // X[k] = E + W^k O with 2E = Z[k] + conj Z[half-k] and 2O = (Z[k] - conj Z[half-k]) / i.
      const er = a + c;
      const ei = b - d;
      const or = b + d;
      const oi = c - a;
      const wr = splitRe[k]!;
      const wi = splitIm[k]!;
      const tr = wr * or - wi * oi; // W^k O, doubled like E
      const ti = wr * oi + wi * or;
      out[k] = 0.25 * ((er + tr) * (er + tr) + (ei + ti) * (ei + ti));
      out[j] = 0.25 * ((er - tr) * (er - tr) + (ti - ei) * (ti - ei)); // X[half-k] = conj E - conj(W^k O)
    }
    if (power === 1) for (let k = 0; k <= half; k++) out[k] = Math.sqrt(out[k]!);
  }

  /** z[n] = x[2n] + i x[2n+1] with x = (signal * window)[offset ..], transformed in place into this.re / this.im. */
  private complexFft(signal: ArrayLike<number>, offset: number, window: Float64Array): void {
    const { re, im, half, source } = this;
    let size: number;
    if (this.firstRadix === 4) {
      for (let p = 0; p < half; p += 4) {
        const s0 = 2 * source[p]!;
        const s1 = 2 * source[p + 1]!;
        const s2 = 2 * source[p + 2]!;
        const s3 = 2 * source[p + 3]!;
        const x0r = signal[offset + s0]! * window[s0]!;
        const x0i = signal[offset + s0 + 1]! * window[s0 + 1]!;
        const x1r = signal[offset + s1]! * window[s1]!;
        const x1i = signal[offset + s1 + 1]! * window[s1 + 1]!;
        const x2r = signal[offset + s2]! * window[s2]!;
        const x2i = signal[offset + s2 + 1]! * window[s2 + 1]!;
        const x3r = signal[offset + s3]! * window[s3]!;
        const x3i = signal[offset + s3 + 1]! * window[s3 + 1]!;
        const t0r = x0r + x2r;
        const t0i = x0i + x2i;
        const t1r = x0r - x2r;
        const t1i = x0i - x2i;
        const t2r = x1r + x3r;
        const t2i = x1i + x3i;
        const t3r = x1r - x3r;
        const t3i = x1i - x3i;
        re[p] = t0r + t2r;
        im[p] = t0i + t2i;
        re[p + 2] = t0r - t2r;
        im[p + 2] = t0i - t2i;
        re[p + 1] = t1r + t3i; // t1 - i t3
        im[p + 1] = t1i - t3r;
        re[p + 3] = t1r - t3i; // t1 + i t3
        im[p + 3] = t1i + t3r;
      }
      size = 16;
    } else {
      for (let p = 0; p < half; p += 2) {
        const s0 = 2 * source[p]!;
        const s1 = 2 * source[p + 1]!;
        const x0r = signal[offset + s0]! * window[s0]!;
        const x0i = signal[offset + s0 + 1]! * window[s0 + 1]!;
        const x1r = signal[offset + s1]! * window[s1]!;
        const x1i = signal[offset + s1 + 1]! * window[s1 + 1]!;
        re[p] = x0r + x1r;
        im[p] = x0i + x1i;
        re[p + 1] = x0r - x1r;
        im[p + 1] = x0i - x1i;
      }
      size = 8;
    }
    for (; size <= half; size *= 4) this.radix4Stage(size);
  }

  /** Combines four interleaved sub-DFTs of size/4 points into DFTs of `size` points. */
  private radix4Stage(size: number): void {
    const { re, im, half, twiddleRe, twiddleIm } = this;
    const q = size >> 2;
    const stride = half / size;
    for (let k = 0; k < q; k++) {
      const j1 = k * stride;
      const w1r = twiddleRe[j1]!;
      const w1i = twiddleIm[j1]!;
      const w2r = twiddleRe[2 * j1]!;
      const w2i = twiddleIm[2 * j1]!;
      const w3r = twiddleRe[3 * j1]!;
      const w3i = twiddleIm[3 * j1]!;
      for (let p0 = k; p0 < half; p0 += size) {
        const p1 = p0 + q;
        const p2 = p1 + q;
        const p3 = p2 + q;
        const x0r = re[p0]!;
        const x0i = im[p0]!;
        const b1r = re[p1]!;
        const b1i = im[p1]!;
        const b2r = re[p2]!;
        const b2i = im[p2]!;
        const b3r = re[p3]!;
        const b3i = im[p3]!;
        const x1r = w1r * b1r - w1i * b1i;
        const x1i = w1r * b1i + w1i * b1r;
        const x2r = w2r * b2r - w2i * b2i;
        const x2i = w2r * b2i + w2i * b2r;
        const x3r = w3r * b3r - w3i * b3i;
        const x3i = w3r * b3i + w3i * b3r;
        const t0r = x0r + x2r;
        const t0i = x0i + x2i;
        const t1r = x0r - x2r;
        const t1i = x0i - x2i;
        const t2r = x1r + x3r;
        const t2i = x1i + x3i;
        const t3r = x1r - x3r;
        const t3i = x1i - x3i;
        re[p0] = t0r + t2r;
        im[p0] = t0i + t2i;
        re[p2] = t0r - t2r;
        im[p2] = t0i - t2i;
        re[p1] = t1r + t3i;
        im[p1] = t1i - t3r;
        re[p3] = t1r - t3i;
        im[p3] = t1i + t3r;
      }
    }
  }
}
