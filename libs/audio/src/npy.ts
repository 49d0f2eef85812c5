/**
 * NumPy .npy files, format version 1.0 (2.0 read too): little-endian float32, C order, the layout
 * `np.save(path, array.astype(np.float32))` writes and `ser features --out x.npy` produces.
 */
export interface NpyArray {
  data: Float32Array;
  shape: number[];
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const ALIGN = 64; // numpy >= 1.14 pads the header so the data starts 64-byte aligned

export function writeNpy(data: Float32Array, shape: readonly number[]): Uint8Array {
  const count = shape.reduce((n, d) => n * d, 1);
  if (!shape.every((d) => Number.isInteger(d) && d >= 0) || count !== data.length) {
    throw new RangeError(`shape [${shape.join(', ')}] does not hold ${data.length} values`);
  }
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (${dims}), }`;
  const unpadded = MAGIC.length + 2 + 2 + dict.length + 1; // + trailing newline
  const headerLength = Math.ceil(unpadded / ALIGN) * ALIGN - MAGIC.length - 4;
  if (headerLength > 0xffff) throw new RangeError('npy header too long for format 1.0');
  const header = dict.padEnd(headerLength - 1, ' ') + '\n';
  const out = new Uint8Array(MAGIC.length + 4 + headerLength + data.length * 4);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[6] = 1; // major version
  out[7] = 0; // minor version
  view.setUint16(8, headerLength, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const start = 10 + headerLength;
  for (let i = 0; i < data.length; i++) view.setFloat32(start + i * 4, data[i]!, true);
  return out;
}

function headerField(header: string, key: string): string {
  const match = new RegExp(`'${key}'\\s*:\\s*('[^']*'|True|False|\\([^)]*\\))`).exec(header);
  if (!match?.[1]) throw new Error(`npy header has no '${key}': ${header.trim()}`);
  return match[1];
}

/** Reads a little-endian float32 (or float64, converted) C-order array. */
export function readNpy(bytes: Uint8Array): NpyArray {
  if (bytes.length < 10 || !MAGIC.every((b, i) => bytes[i] === b)) throw new Error('not a .npy file (bad magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const header = new TextDecoder('latin1').decode(bytes.subarray(headerStart, headerStart + headerLength));
  const descr = headerField(header, 'descr');
  if (headerField(header, 'fortran_order') !== 'False') throw new Error('Fortran-order .npy arrays are not supported');
  const shape = headerField(header, 'shape')
    .slice(1, -1)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  const count = shape.reduce((n, d) => n * d, 1);
  const start = headerStart + headerLength;
  const width = descr === "'<f4'" ? 4 : descr === "'<f8'" ? 8 : 0;
  if (width === 0) throw new Error(`unsupported .npy dtype ${descr} (expected '<f4' or '<f8')`);
  if (start + count * width > bytes.length) throw new Error('.npy data is shorter than its shape');
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    data[i] = width === 4 ? view.getFloat32(start + i * 4, true) : view.getFloat64(start + i * 8, true);
  }
  return { data, shape };
}
