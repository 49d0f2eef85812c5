/** Audio containers told apart by their first bytes (file names are never trusted). */
export type AudioContainer = 'wav' | 'flac' | 'mp3' | 'aac' | 'ogg' | 'mp4' | 'aiff' | 'webm' | 'caf' | 'amr' | 'unknown';

function ascii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

export function detectContainer(bytes: Uint8Array): AudioContainer {
  if ((ascii(bytes, 0, 'RIFF') || ascii(bytes, 0, 'RF64')) && ascii(bytes, 8, 'WAVE')) return 'wav';
  if (ascii(bytes, 0, 'fLaC')) return 'flac';
  if (ascii(bytes, 0, 'OggS')) return 'ogg';
  if (ascii(bytes, 4, 'ftyp')) return 'mp4'; // m4a, mp4, 3gp: ISO base media
  if (ascii(bytes, 0, 'FORM') && (ascii(bytes, 8, 'AIFF') || ascii(bytes, 8, 'AIFC'))) return 'aiff';
  if (ascii(bytes, 0, 'caff')) return 'caf';
  if (ascii(bytes, 0, '#!AMR')) return 'amr';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'webm'; // EBML: webm, mka
  if (ascii(bytes, 0, 'ID3')) return 'mp3'; // an ID3v2 tag, then MPEG audio frames
  const b0 = bytes[0] ?? 0;
  const b1 = bytes[1] ?? 0;
  if (b0 === 0xff && (b1 & 0xf6) === 0xf0) return 'aac'; // ADTS: sync + layer 00
  if (b0 === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x06) !== 0) return 'mp3'; // MPEG frame sync, layer I-III
  return 'unknown';
}

/** Containers ffmpeg must be able to seek in (index at the end), so they go through a temp file. */
export const NEEDS_SEEKABLE_INPUT: ReadonlySet<AudioContainer> = new Set(['mp4', 'caf']);
