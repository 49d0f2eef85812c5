import { AudioDecodeError, createLogMel, createTacnFrontEnd, decodeAudio } from '@ser/audio';
import { encodeFeatureData, type ExtractFeaturesRequest__Output, type ExtractFeaturesResponse } from '@ser/contracts';
import { failedPrecondition, invalidArgument } from '@ser/grpc-kit';

/** Longest upload ExtractFeatures accepts; longer recordings belong in a corpus ingestion. */
export const MAX_EXTRACT_SECONDS = 600;

const logMel = createLogMel();
const tacn = createTacnFrontEnd();

/** Decodes uploaded audio (any supported container), resamples to 16 kHz and computes the asked features. */
export async function extractFeatures(req: ExtractFeaturesRequest__Output): Promise<ExtractFeaturesResponse> {
  const content = req.audio?.content;
  if (!content || content.length === 0) {
    throw invalidArgument('audio.content is empty', [{ field: 'audio.content', description: 'send the bytes of an audio file' }]);
  }
  let decoded;
  try {
    decoded = await decodeAudio(content);
  } catch (err) {
    if (err instanceof AudioDecodeError) {
      if (err.reason === 'tool-missing') throw failedPrecondition(`audio needs ffmpeg, which this server lacks: ${err.message}`, 'FFMPEG_MISSING');
      // Bad headers name the range they break, non-finite samples where they are, short clips both durations.
      const name = req.audio?.filename ? `audio '${req.audio.filename}'` : 'audio';
      throw invalidArgument(`${name} cannot be decoded: ${err.message}`, [{ field: 'audio.content', description: err.reason }]);
    }
    throw err;
  }
  const durationSeconds = decoded.samples.length / decoded.sampleRate;
  if (durationSeconds > MAX_EXTRACT_SECONDS) {
    throw invalidArgument(`audio is ${durationSeconds.toFixed(1)} s long; at most ${MAX_EXTRACT_SECONDS} s`, [
      { field: 'audio.content', description: 'too long' },
    ]);
  }
  if (req.kind === 'FEATURE_KIND_SPECTROGRAM_SEGMENTS') {
    const seg = tacn.compute(decoded.samples); // [segments, frames, bins]
    return {
      features: { kind: req.kind, frames: seg.segments * seg.frames, dims: seg.bins, segmentFrames: seg.frames, data: encodeFeatureData(seg.data) },
      durationSeconds,
      sampleRateHz: decoded.sampleRate,
    };
  }
  const mel = logMel.compute(decoded.samples); // [frames, nMels]
  return {
    features: { kind: 'FEATURE_KIND_LOG_MEL', frames: mel.frames, dims: mel.nMels, segmentFrames: 0, data: encodeFeatureData(mel.data) },
    durationSeconds,
    sampleRateHz: decoded.sampleRate,
  };
}
