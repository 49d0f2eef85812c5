import { audioWork } from './work';

/**
 * torchaudio's polyphase resampling kernel (torchaudio 0.13 `_get_sinc_resample_kernel`,
 * resampling_method 'sinc_interpolation', called 'sinc_interp_hann' in later releases), kept
 * sparse: torchaudio stores 2*width + orig taps per phase, most of them ~0 because the window is
 * clamped outside ±lowpassFilterWidth zero crossings; only the taps inside that support are kept.
 */
export interface PolyphaseKernel {
  orig: number; // input rate / gcd: input samples per block
  next: number; // output rate / gcd: output phases per block
  width: number; // zero padding on the left, in input samples (torchaudio's `width`)
  // Per phase, for the phases built (all `next`, or fewer for a clip shorter than one block):
  first: Int32Array; // per phase: offset of its first kept tap inside the padded block window
  count: Int32Array; // per phase: number of kept taps
  at: Int32Array; // per phase: where its taps start in `taps`
  taps: Float64Array;
}

export function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

const f32 = Math.fround;

/**
 * torchaudio's kernel, phase by phase, keeping the taps whose argument is inside the window. Each
 * step is rounded to float32 as torchaudio computes it in the waveform's dtype: the sinc argument
 * reaches 6*pi, where float32 rounding moves taps by ~1e-6, so rounding alike keeps us ~1e-7 close.
 * Only each phase's support (plus a margin for that rounding) is visited, not torchaudio's whole
 * 2*width + orig row, and only the first `phases` phases are built: a clip shorter than one block
 * needs no more, so the work follows the clip, not the rates (gcd 1 pairs have orig ~ 10^5).
 */
export function buildKernel(fromRate: number, toRate: number, lowpassFilterWidth: number, rolloff: number, phases?: number): PolyphaseKernel {
  const g = gcd(fromRate, toRate);
  const orig = fromRate / g;
  const next = toRate / g;
  const built = Math.min(next, phases ?? next);
  const baseFreq = Math.min(orig, next) * rolloff;
  const width = Math.ceil((lowpassFilterWidth * orig) / baseFreq);
  const kernelLength = 2 * width + orig;
  const [base32, pi32, scale32] = [f32(baseFreq), f32(Math.PI), f32(baseFreq / orig)];
  const reach = (lowpassFilterWidth * orig) / baseFreq; // half the support, in input samples
  const first = new Int32Array(built);
  const count = new Int32Array(built);
  const at = new Int32Array(built);
  const taps: number[] = [];
  let steps = 0;
  for (let j = 0; j < built; j++) {
    first[j] = -1;
    at[j] = taps.length;
    const centre = width + (orig * j) / next;
    const kFrom = Math.max(0, Math.floor(centre - reach) - 2);
    const kTo = Math.min(kernelLength, Math.ceil(centre + reach) + 3);
    steps += kTo - kFrom;
    for (let k = kFrom; k < kTo; k++) {
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
  audioWork.kernelSteps += steps;
  return { orig, next, width, first, count, at, taps: Float64Array.from(taps) };
}
