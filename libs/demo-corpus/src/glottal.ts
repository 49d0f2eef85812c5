/**
 * The glottal source: a Rosenberg (1971) pulse train — flow rises as a half cosine, falls as a
 * quarter cosine, then the glottis is closed — with jitter and shimmer drawn once per period,
 * and aspiration noise that is louder while the glottis is open (as in Klatt & Klatt 1990).
 */
import { gaussian, type Random } from './random';

export interface GlottalSettings {
  sampleRate: number;
  /** Open phase as a fraction of the period (Rosenberg's Tp + Tn). */
  openQuotient: number;
  /** Relative standard deviations of period length and pulse amplitude. */
  jitter: number;
  shimmer: number;
  /** Aspiration noise level relative to the pulse train. */
  breathiness: number;
}

// Rosenberg's type-B pulse: the opening takes ~2/3 of the open phase, the closing ~1/3; the
// fast closing is what excites the vocal tract, so a shorter open phase = stronger harmonics.
const OPENING_SHARE = 0.65;
// d(flow)/d(phase) peaks near pi / (2 * closing share); this brings the pulse train to ~unit peak.
const DERIVATIVE_SCALE = 0.2;

export class GlottalSource {
  private phase = 0; // position in the current period, 0..1
  private periodJitter = 1;
  private periodShimmer = 1;
  private previousFlow = 0;

  constructor(
    private readonly settings: GlottalSettings,
    private readonly random: Random,
  ) {}

  private flow(phase: number): number {
    const open = this.settings.openQuotient;
    const rise = open * OPENING_SHARE;
    const fall = open - rise;
    if (phase < rise) return 0.5 * (1 - Math.cos((Math.PI * phase) / rise));
    if (phase < open) return Math.cos((Math.PI * (phase - rise)) / (2 * fall));
    return 0;
  }

  /**
   * One sample of the excitation: the flow derivative (lip radiation folded in) plus aspiration.
   * `f0Hz` may change every sample; the jittered period is fixed when each period starts.
   */
  next(f0Hz: number): number {
    const step = (f0Hz * this.periodJitter) / this.settings.sampleRate;
    this.phase += step;
    if (this.phase >= 1) {
      this.phase -= 1;
      // Clamped so a rare large draw cannot stall or double the pulse rate.
      this.periodJitter = 1 / (1 + Math.max(-0.1, Math.min(0.1, this.settings.jitter * gaussian(this.random))));
      this.periodShimmer = Math.max(0.5, 1 + this.settings.shimmer * gaussian(this.random));
    }
    const flow = this.flow(this.phase);
    // Difference divided by the phase step: the derivative per period, independent of F0.
    const derivative = ((flow - this.previousFlow) / Math.max(step, 1e-6)) * DERIVATIVE_SCALE;
    this.previousFlow = flow;
    const noise = 2 * this.random() - 1;
    const aspiration = this.settings.breathiness * noise * (0.3 + flow);
    return this.periodShimmer * derivative + aspiration;
  }
}
