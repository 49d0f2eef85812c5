/**
 * Why a decode failed, as a stable code callers can branch on (the gRPC layer maps these to
 * INVALID_ARGUMENT vs FAILED_PRECONDITION; the CLI prints the message).
 */
export type AudioDecodeReason =
  | 'empty' // no audio at all: zero bytes, or a header whose data holds no whole frame
  | 'truncated' // the file ends inside the header or before the first whole frame
  | 'bad-header' // a RIFF/WAVE file whose fmt chunk is missing, inconsistent or outside WAV_LIMITS
  | 'non-finite' // float samples that are NaN or infinite (or overflow float32): never passed on to a model
  | 'too-short' // decoded, but shorter than one analysis window of the front end
  | 'unsupported' // a well-formed file in an encoding this library does not decode
  | 'not-wav' // decodeWav was given something that is not RIFF/WAVE
  | 'not-audio' // decodeAudio found no known audio container signature
  | 'tool-missing' // a container needs ffmpeg and ffmpeg is not installed
  | 'tool-failed'; // ffmpeg ran but could not decode the bytes

export class AudioDecodeError extends Error {
  override readonly name = 'AudioDecodeError';

  constructor(
    readonly reason: AudioDecodeReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Prefixes the message with where the bytes came from, keeping the reason. */
export function withSource(error: unknown, source: string): unknown {
  if (!(error instanceof AudioDecodeError)) return error;
  return new AudioDecodeError(error.reason, `${source}: ${error.message}`, { cause: error });
}
