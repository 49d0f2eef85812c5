/**
 * ITU-T G.711 A-law and µ-law expansion (the tables of the reference g711.c), scaled to [-1, 1) the
 * way a 16-bit PCM sample is.
 */
function mulawToInt16(byte: number): number {
  const u = ~byte & 0xff;
  const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
  return u & 0x80 ? 0x84 - t : t - 0x84;
}

function alawToInt16(byte: number): number {
  const a = byte ^ 0x55;
  const segment = (a & 0x70) >> 4;
  let t = (a & 0x0f) << 4;
  if (segment === 0) t += 8;
  else if (segment === 1) t += 0x108;
  else t = (t + 0x108) << (segment - 1);
  return a & 0x80 ? t : -t;
}

function table(expand: (byte: number) => number): Float32Array {
  const out = new Float32Array(256);
  for (let b = 0; b < 256; b++) out[b] = expand(b) / 32768;
  return out;
}

export const MULAW_TABLE = table(mulawToInt16);
export const ALAW_TABLE = table(alawToInt16);
