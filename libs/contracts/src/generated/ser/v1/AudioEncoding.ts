// Original file: proto/ser/v1/common.proto

/**
 * Encoding of audio bytes sent to a service.
 */
export const AudioEncoding = {
  /**
   * Detect from the bytes (container magic) or the file name.
   */
  AUDIO_ENCODING_UNSPECIFIED: 'AUDIO_ENCODING_UNSPECIFIED',
  /**
   * RIFF/WAVE container.
   */
  AUDIO_ENCODING_WAV: 'AUDIO_ENCODING_WAV',
  /**
   * FLAC container.
   */
  AUDIO_ENCODING_FLAC: 'AUDIO_ENCODING_FLAC',
  /**
   * MPEG-1/2 layer III.
   */
  AUDIO_ENCODING_MP3: 'AUDIO_ENCODING_MP3',
  /**
   * Ogg container (Vorbis or Opus).
   */
  AUDIO_ENCODING_OGG: 'AUDIO_ENCODING_OGG',
  /**
   * Raw interleaved signed 16-bit little-endian PCM; needs sample_rate_hz and channels.
   */
  AUDIO_ENCODING_PCM_S16LE: 'AUDIO_ENCODING_PCM_S16LE',
  /**
   * Raw interleaved 32-bit float little-endian PCM; needs sample_rate_hz and channels.
   */
  AUDIO_ENCODING_PCM_F32LE: 'AUDIO_ENCODING_PCM_F32LE',
} as const;

/**
 * Encoding of audio bytes sent to a service.
 */
export type AudioEncoding =
  /**
   * Detect from the bytes (container magic) or the file name.
   */
  | 'AUDIO_ENCODING_UNSPECIFIED'
  | 0
  /**
   * RIFF/WAVE container.
   */
  | 'AUDIO_ENCODING_WAV'
  | 1
  /**
   * FLAC container.
   */
  | 'AUDIO_ENCODING_FLAC'
  | 2
  /**
   * MPEG-1/2 layer III.
   */
  | 'AUDIO_ENCODING_MP3'
  | 3
  /**
   * Ogg container (Vorbis or Opus).
   */
  | 'AUDIO_ENCODING_OGG'
  | 4
  /**
   * Raw interleaved signed 16-bit little-endian PCM; needs sample_rate_hz and channels.
   */
  | 'AUDIO_ENCODING_PCM_S16LE'
  | 5
  /**
   * Raw interleaved 32-bit float little-endian PCM; needs sample_rate_hz and channels.
   */
  | 'AUDIO_ENCODING_PCM_F32LE'
  | 6

/**
 * Encoding of audio bytes sent to a service.
 */
export type AudioEncoding__Output = typeof AudioEncoding[keyof typeof AudioEncoding]
