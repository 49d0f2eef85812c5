export { AudioDecodeError, type AudioDecodeReason } from './errors';
export type { WavEncoding } from './wav-format';
export { checkFiniteSamples, decodeWav, type DecodedWav } from './wav-decode';
export { WAV_LIMITS } from './wav-header';
export { encodeWav, type WavEncodeOptions, type WavWriteEncoding } from './wav-encode';
export { detectContainer, type AudioContainer } from './sniff';
export { decodeWithFfmpeg, type FfmpegOptions } from './ffmpeg';
export {
  MIN_CLIP_MS,
  checkClipDuration,
  decodeAudio,
  decodeAudioFile,
  type DecodeAudioOptions,
  type DecodedAudio,
} from './decode-audio';
export { createResampler, resample, type ResampleEngine, type ResampleOptions, type Resampler } from './resample';
export { DEFAULT_MEL_CONFIG, resolveMelConfig, type MelConfig, type MelScale } from './mel-config';
export { createMelFilterbank, hzToMel, melToHz, type SparseFilterbank } from './mel-filterbank';
export { createLogMel, logMel, type LogMelEngine, type LogMelFeatures, type LogMelFrontEnd } from './log-mel';
export { RealFft } from './real-fft';
export { hannWindow } from './window';
export {
  DEFAULT_TACN_CONFIG,
  createTacnFrontEnd,
  type TacnConfig,
  type TacnFrontEnd,
  type TacnSegments,
} from './tacn';
export {
  NormStats,
  RunningStats,
  applyNormalization,
  type NormStatsJson,
  type RunningStatsJson,
} from './norm-stats';
export { readNpy, writeNpy, type NpyArray } from './npy';
export { TEST_SIGNAL_DEFAULTS, synthesizeTestSignal, type TestSignalParams } from './test-signal';
export { frontEndThroughput, wavFilesUnder, type Throughput } from './throughput';
