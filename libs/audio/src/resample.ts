/**
 * Band-limited resampling that reproduces torchaudio.functional.resample (torchaudio 0.13:
 * `_get_sinc_resample_kernel` + `_apply_sinc_resample_kernel`, resampling_method
 * 'sinc_interpolation', renamed 'sinc_interp_hann' later): rates reduced by their gcd, one
 * Hann-windowed sinc per output phase, applied as a strided convolution over zero-padded input.
 *
 * torchaudio convolves every phase with all 2*width + orig taps, most of them ~0 (the window is
 * clamped outside ±lowpassFilterWidth zero crossings); we keep only the taps inside that support,
 * which gives the same sums with ~14x fewer multiplies for 44.1 kHz -> 16 kHz.
 */
export interface ResampleOptions {
  /** Zero crossings of the sinc kept on each side; 6 as in mel_reference.py (torchaudio's default). */
  lowpassFilterWidth?: number;
  /** Cut-off as a fraction of the lower Nyquist; 0.99 as in mel_reference.py (torchaudio's default). */
  rolloff?: number;
}

export interface Resampler {
  readonly fromRate: number;
  readonly toRate: number;
  /** Output length for an input of `inputLength` samples: ceil(toRate * inputLength / fromRate). */
  outputLength(inputLength: number): number;
  /** Resamples one signal; returns the input itself when the rates are equal. */
  process(input: Float32Array): Float32Array;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

interface PolyphaseKernel {
  orig: number; // input rate / gcd: input samples per block
  next: number; // output rate / gcd: output phases per block
  width: number; // zero padding on the left, in input samples (torchaudio's `width`)
  first: Int32Array; // per phase: offset of its first kept tap inside the padded block window
  count: Int32Array; // per phase: number of kept taps
  at: Int32Array; // per phase: where its taps start in `taps`
  taps: Float64Array;
}

const f32 = Math.fround;

/**
 * torchaudio's kernel, phase by phase, keeping the taps whose argument is inside the window. Each
 * step is rounded to float32 as torchaudio computes it in the waveform's dtype: the sinc argument
 * reaches 6*pi, where float32 rounding moves taps by ~1e-6, so rounding alike keeps us ~1e-7 close.
 */
function buildKernel(fromRate: number, toRate: number, lowpassFilterWidth: number, rolloff: number): PolyphaseKernel {
  const g = gcd(fromRate, toRate);
  const orig = fromRate / g;
  const next = toRate / g;
  const baseFreq = Math.min(orig, next) * rolloff;
  const width = Math.ceil((lowpassFilterWidth * orig) / baseFreq);
  const kernelLength = 2 * width + orig;
  const [base32, pi32, scale32] = [f32(baseFreq), f32(Math.PI), f32(baseFreq / orig)];
  const first = new Int32Array(next);
  const count = new Int32Array(next);
  const at = new Int32Array(next);
  const taps: number[] = [];
  for (let j = 0; j < next; j++) {
    first[j] = -1;
    at[j] = taps.length;
    for (let k = 0; k < kernelLength; k++) {
      // Argument in zero crossings of the low-pass sinc: (-j/new + (k - width)/orig) * base.
      const t = f32(f32(f32(-j / next) + f32((k - width) / orig)) * base32);
      if (Math.abs(t) >= lowpassFilterWidth) continue; // clamped: window cos(±pi/2)^2 ~ 0
      if (first[j] === -1) first[j] = k;
      const c = f32(Math.cos(f32(f32(f32(t * pi32) / lowpassFilterWidth) / 2)));
      const window = f32(c * c);
      const tPi = f32(t * pi32);
      const sinc = tPi === 0 ? 1 : f32(f32(Math.sin(tPi)) / tPi);
      taps.push(f32(sinc * f32(window * scale32)));
    }
    count[j] = taps.length - at[j]!;
  }
  return { orig, next, width, first, count, at, taps: Float64Array.from(taps) };
}

// Reused between calls (the library is synchronous, so one caller at a time): a fresh buffer per
// clip costs page faults that measured ~10% of the resampler's time over 400 short files.
let scratch = new Float32Array(0);
const SCRATCH_LIMIT = 1 << 22; // longer signals (> ~95 s at 44.1 kHz) get a buffer of their own

/** The input with zero padding as torchaudio: `before` zeros ahead, `after` zeros behind. */
function paddedCopy(input: Float32Array, before: number, after: number): Float32Array {
  const length = input.length + before + after;
  if (length > SCRATCH_LIMIT) {
    const own = new Float32Array(length);
    own.set(input, before);
    return own;
  }
  if (scratch.length < length) scratch = new Float32Array(Math.min(SCRATCH_LIMIT, Math.max(length, 2 * scratch.length)));
  scratch.fill(0, 0, before);
  scratch.set(input, before);
  scratch.fill(0, before + input.length, length);
  return scratch;
}

/** One output sample: phase j of the block starting at input offset `blockStart` (padded coordinates). */
function dot(kernel: PolyphaseKernel, padded: Float32Array, blockStart: number, j: number): number {
  const { taps } = kernel;
  let acc = 0;
  for (let i = 0, x = blockStart + kernel.first[j]!, h = kernel.at[j]!, n = kernel.count[j]!; i < n; i++, x++, h++) {
    acc += taps[h]! * padded[x]!;
  }
  return acc;
}

/**
 * Output-major polyphase convolution. The hot loop computes one phase for four consecutive
 * blocks at once: each tap is loaded once for four multiply-adds (the loads, not the multiplies,
 * bound this loop in V8), which measured ~1.8x faster than one output at a time.
 */
function applyKernel(kernel: PolyphaseKernel, input: Float32Array, outLength: number): Float32Array {
  const { orig, next, width, first, count, at, taps } = kernel;
  const padded = paddedCopy(input, width, width + orig);
  const out = new Float32Array(outLength);
  const blocks = Math.ceil(outLength / next);
  const fullBlocks = Math.floor(outLength / next);
  const o1 = orig;
  const o2 = 2 * orig;
  const o3 = 3 * orig;
  let block = 0;
  for (; block + 4 <= fullBlocks; block += 4) {
    const blockStart = block * orig;
    const outStart = block * next;
    for (let j = 0; j < next; j++) {
      let x = blockStart + first[j]!;
      let h = at[j]!;
      const end = h + count[j]!;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (; h < end; h++, x++) {
        const w = taps[h]!;
        a0 += w * padded[x]!;
        a1 += w * padded[x + o1]!;
        a2 += w * padded[x + o2]!;
        a3 += w * padded[x + o3]!;
      }
      const o = outStart + j;
      out[o] = a0;
      out[o + next] = a1;
      out[o + 2 * next] = a2;
      out[o + 3 * next] = a3;
    }
  }
  for (; block < blocks; block++) {
    for (let j = 0, o = block * next; j < next && o < outLength; j++, o++) out[o] = dot(kernel, padded, block * orig, j);
  }
  return out;
}

const cache = new Map<string, Resampler>();

/** A resampler for one rate pair, with its polyphase kernel precomputed (and cached per options). */
export function createResampler(fromRate: number, toRate: number, options: ResampleOptions = {}): Resampler {
  const lowpassFilterWidth = options.lowpassFilterWidth ?? 6;
  const rolloff = options.rolloff ?? 0.99;
  if (!Number.isInteger(fromRate) || !Number.isInteger(toRate) || fromRate <= 0 || toRate <= 0) {
    throw new RangeError(`sample rates must be positive integers, got ${fromRate} -> ${toRate}`);
  }
  if (lowpassFilterWidth <= 0) throw new RangeError('lowpassFilterWidth must be positive');
  const key = `${fromRate}:${toRate}:${lowpassFilterWidth}:${rolloff}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const g = gcd(fromRate, toRate);
  const outputLength = (n: number) => Math.ceil(((toRate / g) * n) / (fromRate / g));
  let kernel: PolyphaseKernel | undefined; // built on first use: 44.1k->16k has 160 phases
  const resampler: Resampler = {
    fromRate,
    toRate,
    outputLength,
    process(input) {
      if (fromRate === toRate) return input;
      kernel ??= buildKernel(fromRate, toRate, lowpassFilterWidth, rolloff);
      return applyKernel(kernel, input, outputLength(input.length));
    },
  };
  cache.set(key, resampler);
  return resampler;
}

/** Resamples `input` from `fromRate` to `toRate` Hz (torchaudio-compatible; see createResampler). */
export function resample(input: Float32Array, fromRate: number, toRate: number, options?: ResampleOptions): Float32Array {
  return createResampler(fromRate, toRate, options).process(input);
}
