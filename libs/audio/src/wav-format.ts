/** WAVE format tags (mmreg.h) and the sample encodings this library reads and writes. */
export const WAVE_FORMAT_PCM = 0x0001;
export const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
export const WAVE_FORMAT_ALAW = 0x0006;
export const WAVE_FORMAT_MULAW = 0x0007;
export const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/**
 * Bytes 2..15 of every KSDATAFORMAT_SUBTYPE_* GUID (…-0000-0010-8000-00aa00389b71); bytes 0..1 hold
 * the plain format tag, so an extensible header decodes like the tag it wraps.
 */
export const KSDATAFORMAT_GUID_TAIL = Uint8Array.of(0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71);

export type WavEncoding = 'pcm8' | 'pcm16' | 'pcm24' | 'pcm32' | 'float32' | 'float64' | 'alaw' | 'mulaw';

/** Bytes per sample in the container, per encoding. */
export const BYTES_PER_SAMPLE: Record<WavEncoding, number> = {
  pcm8: 1,
  pcm16: 2,
  pcm24: 3,
  pcm32: 4,
  float32: 4,
  float64: 8,
  alaw: 1,
  mulaw: 1,
};

export function formatTagOf(encoding: WavEncoding): number {
  if (encoding === 'float32' || encoding === 'float64') return WAVE_FORMAT_IEEE_FLOAT;
  if (encoding === 'alaw') return WAVE_FORMAT_ALAW;
  if (encoding === 'mulaw') return WAVE_FORMAT_MULAW;
  return WAVE_FORMAT_PCM;
}

export function fourCC(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset] ?? 0, bytes[offset + 1] ?? 0, bytes[offset + 2] ?? 0, bytes[offset + 3] ?? 0);
}
