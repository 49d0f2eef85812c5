/**
 * The source-filter voice (Fant 1960; Klatt 1980): a glottal pulse train plus aspiration goes
 * through a cascade of four formant resonators; frication and bursts go through their own
 * band-pass in parallel. Returns the speech alone (no leading/trailing silence, no level).
 */
import { buildControlTracks, type ControlTracks } from './control-tracks';
import type { EmotionProsody } from './emotions';
import { BandPass, Resonator } from './filters';
import { GlottalSource } from './glottal';
import { VOWEL_BANDWIDTHS } from './phonemes';
import type { Random } from './random';
import type { DemoSpeaker } from './speakers';
import { planUtterance } from './utterance-plan';

// Branch gains, set so /h/ and aspiration sit ~15-20 dB and /s/ ~10 dB below a vowel, as in
// natural speech (Kent & Read 2002); measured on this model, not derived.
const ASPIRATION_GAIN = 0.25;
const FRICATION_GAIN = 2.5;

/** Linear interpolation inside control frame k (a module-level function: no closure per sample). */
function lerp(track: Float32Array, k: number, frac: number): number {
  return track[k]! + frac * (track[k + 1]! - track[k]!);
}

function render(tracks: ControlTracks, speaker: DemoSpeaker, emotion: EmotionProsody, sampleRate: number, random: Random): Float32Array {
  const { hopSamples } = tracks;
  const out = new Float32Array((tracks.frames - 1) * hopSamples);
  const glottis = new GlottalSource(
    {
      sampleRate,
      openQuotient: emotion.openQuotient,
      jitter: speaker.jitter * emotion.jitterScale,
      shimmer: speaker.shimmer * emotion.shimmerScale,
      breathiness: emotion.breathiness,
    },
    random,
  );
  const cascade = [0, 1, 2, 3].map(() => new Resonator(sampleRate));
  const fricationBand = new BandPass(sampleRate);
  fricationBand.tune(4000, 2000);
  // Steeper glottal spectral slope for lax voices (emotion.sourceTilt as a one-pole coefficient).
  const tilt = emotion.sourceTilt;
  let tilted = 0;
  for (let n = 0; n < out.length; n++) {
    const k = Math.floor(n / hopSamples);
    const frac = (n - k * hopSamples) / hopSamples;
    if (frac === 0) {
      for (let f = 0; f < 4; f++) cascade[f]!.tune(tracks.formants[f]![k]!, VOWEL_BANDWIDTHS[f]!);
      if (tracks.noiseHz[k]! > 0) fricationBand.tune(tracks.noiseHz[k]!, tracks.noiseBandwidthHz[k]!);
    }
    tilted = (1 - tilt) * glottis.next(lerp(tracks.f0Hz, k, frac)) + tilt * tilted;
    let x = lerp(tracks.voicing, k, frac) * tilted + ASPIRATION_GAIN * lerp(tracks.aspiration, k, frac) * (2 * random() - 1);
    for (const resonator of cascade) x = resonator.process(x);
    out[n] = x + FRICATION_GAIN * lerp(tracks.frication, k, frac) * fricationBand.process(2 * random() - 1);
  }
  return out;
}

/** Synthesises one utterance's speech for this speaker and emotion from its own random stream. */
export function synthesizeSourceFilterSpeech(speaker: DemoSpeaker, emotion: EmotionProsody, sampleRate: number, random: Random): Float32Array {
  const segments = planUtterance(random, speaker, emotion);
  const tracks = buildControlTracks(segments, speaker, emotion, sampleRate, random);
  return render(tracks, speaker, emotion, sampleRate, random);
}
