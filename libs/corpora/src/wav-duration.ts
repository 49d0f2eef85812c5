/**
 * Duration of a RIFF/WAVE file from its first bytes (fmt byte rate and data size), without
 * decoding. Returns undefined when the header is not in `head` or is not plausible: decoding,
 * and calling a file unreadable, is the features service's job.
 */
export function wavDurationFromHeader(head: Uint8Array, fileSize: number): number | undefined {
  if (head.length < 12 || fourCC(head, 0) !== 'RIFF' || fourCC(head, 8) !== 'WAVE') return undefined;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let byteRate = 0;
  for (let at = 12; at + 8 <= head.length;) {
    const id = fourCC(head, at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 16 <= head.length) byteRate = view.getUint32(at + 16, true);
    if (id === 'data') {
      // Streamed writers leave 0 or 0xFFFFFFFF here; the bytes actually present are what counts.
      const present = fileSize - (at + 8);
      const dataBytes = size === 0 || size > present ? present : size;
      return byteRate > 0 && dataBytes >= 0 ? dataBytes / byteRate : undefined;
    }
    at += 8 + size + (size % 2); // chunks are padded to even sizes
  }
  return undefined;
}

function fourCC(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}
