import { MIN_CLIP_MS } from '@ser/audio';
import type { PredictStreamConfig__Output, PredictStreamRequest__Output, PredictStreamResponse } from '@ser/contracts';
import { invalidArgument } from '@ser/grpc-kit';
import type { MetadataStore } from '@ser/store';
import { checkAudioBytes, checkAudioSeconds, type AudioLimits } from '../audio/audio-input';
import { checkPcmFormat, isPcm, pcmFrameBytes, type PcmEncoding } from '../audio/pcm';
import { StreamWindows } from '../audio/stream-windows';
import type { ModelHost } from '../models/model-host';
import type { ClipFrontEnd } from '../workers/front-end-pool';
import { predictSamples } from './prediction';

export interface StreamSettings extends AudioLimits {
  streamWindowSeconds: number;
  vadThresholdDb: number;
  vadMinVoicedFraction: number;
}

/**
 * PredictStream: a config message, then raw PCM chunks; one prediction per complete window (window and hop from
 * the config). Windows the energy VAD finds silent are skipped: their index is used, no message is sent. Each
 * chunk's mix-down and each window's resampling, VAD, hash and features run where `deps.frontEnd` runs them (the
 * front-end threads, or the event loop); the event loop only cuts windows.
 */
export async function* predictStream(
  deps: { host: ModelHost; store: MetadataStore; frontEnd: ClipFrontEnd; settings: StreamSettings },
  requests: AsyncIterable<PredictStreamRequest__Output>,
): AsyncGenerator<PredictStreamResponse> {
  const { settings } = deps;
  let config: PredictStreamConfig__Output | undefined;
  let windows: StreamWindows | undefined;
  let carry = new Uint8Array(0); // a chunk may end inside a frame
  for await (const req of requests) {
    if (!config) {
      if (req.payload !== 'config' || !req.config)
        throw invalidArgument('the first PredictStream message must carry the config', [{ field: 'config', description: 'missing' }]);
      config = req.config;
      windows = openWindows(config, settings);
      continue;
    }
    if (req.payload !== 'audioChunk')
      throw invalidArgument('only the first PredictStream message carries a config', [{ field: 'config', description: 'sent twice' }]);
    const chunk = req.audioChunk!;
    checkAudioBytes('audio_chunk', chunk.length, settings);
    const bytes = new Uint8Array(carry.length + chunk.length);
    bytes.set(carry);
    bytes.set(chunk, carry.length);
    const encoding = config.encoding as PcmEncoding;
    const whole = bytes.length - (bytes.length % pcmFrameBytes(encoding, config.channels));
    carry = bytes.slice(whole);
    for (const w of windows!.push(await deps.frontEnd.mixDown(bytes.subarray(0, whole), encoding, config.channels, 'audio_chunk'))) {
      const startedAt = performance.now();
      const { samples, inputHash, voicedFraction } = await deps.frontEnd.streamWindow(w.samples, config.sampleRateHz, settings.vadThresholdDb);
      if (voicedFraction < settings.vadMinVoicedFraction) continue;
      const prediction = await predictSamples(deps, config.model, samples, { inputHash, source: 'stream', optOut: config.recordOptOut, startedAt });
      yield { windowIndex: w.index, windowStartSeconds: w.startSeconds, windowEndSeconds: w.endSeconds, prediction };
    }
  }
  if (!config) throw invalidArgument('PredictStream ended before its config', [{ field: 'config', description: 'missing' }]);
}

function openWindows(config: PredictStreamConfig__Output, settings: StreamSettings): StreamWindows {
  if (!isPcm(config.encoding)) {
    throw invalidArgument(`stream encoding ${config.encoding} is not raw PCM`, [
      { field: 'config.encoding', description: 'AUDIO_ENCODING_PCM_S16LE or AUDIO_ENCODING_PCM_F32LE' },
    ]);
  }
  checkPcmFormat('config', config.sampleRateHz, config.channels);
  if (config.windowSeconds < 0 || config.hopSeconds < 0)
    throw invalidArgument('window and hop must not be negative', [{ field: 'config.window_seconds', description: 'negative' }]);
  const windowSeconds = config.windowSeconds || settings.streamWindowSeconds;
  checkAudioSeconds('config.window_seconds', windowSeconds, settings);
  const hopSeconds = config.hopSeconds || windowSeconds;
  const windowSamples = Math.round(windowSeconds * config.sampleRateHz);
  const hopSamples = Math.round(hopSeconds * config.sampleRateHz);
  if (windowSamples < 1 || hopSamples < 1)
    throw invalidArgument('window and hop must hold at least one sample', [{ field: 'config.window_seconds', description: 'too short' }]);
  if (windowSamples * 1000 < MIN_CLIP_MS * config.sampleRateHz) {
    throw invalidArgument(`a window of ${windowSeconds} s is shorter than one ${MIN_CLIP_MS} ms analysis window`, [
      { field: 'config.window_seconds', description: 'too short' },
    ]);
  }
  return new StreamWindows(config.sampleRateHz, windowSamples, hopSamples);
}
