/** The small IIR filters of the voice model and of the emotion colouring. */

/**
 * Klatt (1980) digital resonator: y[n] = A x[n] + B y[n-1] + C y[n-2], unity gain at DC, so a
 * cascade of them forms a vowel's spectrum with the natural relative formant amplitudes.
 */
export class Resonator {
  private a = 1;
  private b = 0;
  private c = 0;
  private y1 = 0;
  private y2 = 0;

  constructor(private readonly sampleRate: number) {}

  /** Retunes without clearing state, so formant glides stay click-free. */
  tune(frequencyHz: number, bandwidthHz: number): void {
    if (frequencyHz >= 0.45 * this.sampleRate) {
      // A formant at or above Nyquist cannot be represented: pass the signal through instead.
      this.a = 1;
      this.b = 0;
      this.c = 0;
      return;
    }
    const t = 1 / this.sampleRate;
    this.c = -Math.exp(-2 * Math.PI * bandwidthHz * t);
    this.b = 2 * Math.exp(-Math.PI * bandwidthHz * t) * Math.cos(2 * Math.PI * frequencyHz * t);
    this.a = 1 - this.b - this.c;
  }

  process(x: number): number {
    const y = this.a * x + this.b * this.y1 + this.c * this.y2;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}

/** Band-pass with 0 dB peak gain (RBJ audio-EQ cookbook, constant peak gain form): frication bands. */
export class BandPass {
  private b0 = 0;
  private b2 = 0;
  private a1 = 0;
  private a2 = 0;
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;

  constructor(private readonly sampleRate: number) {}

  tune(centreHz: number, bandwidthHz: number): void {
    const centre = Math.min(centreHz, 0.45 * this.sampleRate);
    const w = (2 * Math.PI * centre) / this.sampleRate;
    const alpha = Math.sin(w) / (2 * Math.max(0.3, centre / Math.max(1, bandwidthHz)));
    const a0 = 1 + alpha;
    this.b0 = alpha / a0;
    this.b2 = -alpha / a0;
    this.a1 = (-2 * Math.cos(w)) / a0;
    this.a2 = (1 - alpha) / a0;
  }

  process(x: number): number {
    const y = this.b0 * x + this.b2 * this.x2 - this.a1 * this.y1 - this.a2 * this.y2;
    this.x2 = this.x1;
    this.x1 = x;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}

/** One-pole low-pass y[n] = (1 - a) x[n] + a y[n-1]; the coefficient for a -3 dB corner at `hz`. */
export function onePoleCoefficient(hz: number, sampleRate: number): number {
  return Math.exp((-2 * Math.PI * hz) / sampleRate);
}

/**
 * First-order high shelf: the band above `cornerHz` scaled by `gainDb`, the band below kept. It
 * changes the spectral balance the way vocal effort does (more effort, more high-frequency
 * energy), which is how the emotions' tilt is applied to any voice, espeak-ng's included.
 */
export function highShelf(input: Float32Array, sampleRate: number, gainDb: number, cornerHz = 1000): Float32Array {
  const out = new Float32Array(input.length);
  const gain = 10 ** (gainDb / 20);
  const a = onePoleCoefficient(cornerHz, sampleRate);
  let low = 0;
  for (let i = 0; i < input.length; i++) {
    const x = input[i]!;
    low = (1 - a) * x + a * low;
    out[i] = low + gain * (x - low);
  }
  return out;
}
