// The safetensors file format (https://huggingface.co/docs/safetensors): an 8-byte little-endian header length N,
// N bytes of JSON `{name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {string: string}}` (padded
// with spaces), then the tensors' bytes, offsets counted from the end of the header.
//
// Written here rather than taken from npm: the registry has no maintained package for Node that both reads and
// writes it without pulling in a tensor framework, and the format is this small. The codec works on bytes only;
// weights-file.ts turns our float32 tensors into it and back. test/acceptance/safetensors-python.spec.ts checks
// that Python's `safetensors` reads what we write.

export const SAFETENSORS_DTYPE_BYTES = {
  BOOL: 1,
  U8: 1,
  I8: 1,
  F8_E5M2: 1,
  F8_E4M3: 1,
  I16: 2,
  U16: 2,
  F16: 2,
  BF16: 2,
  I32: 4,
  U32: 4,
  F32: 4,
  I64: 8,
  U64: 8,
  F64: 8,
} as const;

export type SafetensorsDtype = keyof typeof SAFETENSORS_DTYPE_BYTES;

export interface SafetensorsTensor {
  name: string;
  dtype: SafetensorsDtype;
  shape: number[];
  /** Little-endian element bytes, row-major. */
  data: Uint8Array;
}

export interface DecodedSafetensors {
  /** In file order (by offset). Each `data` is a view into the decoded buffer, not a copy. */
  tensors: Array<SafetensorsTensor & { dataOffsets: [number, number] }>;
  metadata: Record<string, string>;
}

/** The Rust reference implementation refuses headers above 100 MB; so do we, before parsing any JSON. */
const MAX_HEADER_BYTES = 100_000_000;
const METADATA_KEY = '__metadata__';

export class SafetensorsError extends Error {
  override readonly name = 'SafetensorsError';
}

const elementCount = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

function isDtype(value: unknown): value is SafetensorsDtype {
  return typeof value === 'string' && Object.hasOwn(SAFETENSORS_DTYPE_BYTES, value);
}

/** Tensors in the given order, back to back; the header padded with spaces to a multiple of 8 bytes (as Python's writer does). */
export function encodeSafetensors(tensors: readonly SafetensorsTensor[], metadata: Record<string, string> = {}): Buffer {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header[METADATA_KEY] = metadata;
  let offset = 0;
  for (const t of tensors) {
    if (t.name === METADATA_KEY || Object.hasOwn(header, t.name)) throw new SafetensorsError(`tensor name '${t.name}' is reserved or repeated`);
    if (!isDtype(t.dtype)) throw new SafetensorsError(`${t.name}: unknown dtype ${String(t.dtype)}`);
    if (!t.shape.every((d) => Number.isSafeInteger(d) && d >= 0))
      throw new SafetensorsError(`${t.name}: shape [${t.shape}] is not a list of non-negative integers`);
    const bytes = elementCount(t.shape) * SAFETENSORS_DTYPE_BYTES[t.dtype];
    if (t.data.byteLength !== bytes)
      throw new SafetensorsError(`${t.name}: ${t.data.byteLength} bytes for shape [${t.shape}] of ${t.dtype} (${bytes} expected)`);
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const padded = Math.ceil(json.length / 8) * 8;
  const out = Buffer.alloc(8 + padded + offset, 0x20);
  out.writeBigUInt64LE(BigInt(padded), 0);
  json.copy(out, 8);
  let at = 8 + padded;
  for (const t of tensors) {
    out.set(t.data, at);
    at += t.data.byteLength;
  }
  return out;
}

/** Parses and checks a whole file: every tensor's size matches its dtype and shape, the data has no holes and no overlaps. */
export function decodeSafetensors(file: Uint8Array): DecodedSafetensors {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < 8) throw new SafetensorsError(`file of ${buf.length} bytes has no header length`);
  const headerBytes = buf.readBigUInt64LE(0);
  if (headerBytes > BigInt(Math.min(MAX_HEADER_BYTES, buf.length - 8)))
    throw new SafetensorsError(`header length ${headerBytes} exceeds the file or ${MAX_HEADER_BYTES} bytes`);
  const dataStart = 8 + Number(headerBytes);
  const headerText = buf.subarray(8, dataStart).toString('utf8');
  if (!headerText.startsWith('{')) throw new SafetensorsError('header is not a JSON object');
  let header: unknown;
  try {
    header = JSON.parse(headerText);
  } catch (err) {
    throw new SafetensorsError(`header is not JSON: ${(err as Error).message}`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw new SafetensorsError('header is not a JSON object');
  const { [METADATA_KEY]: rawMetadata, ...entries } = header as Record<string, unknown>;
  const metadata = parseMetadata(rawMetadata);
  const data = buf.subarray(dataStart);
  const tensors = Object.entries(entries)
    .map(([name, entry]) => parseEntry(name, entry, data))
    .sort((a, b) => a.dataOffsets[0] - b.dataOffsets[0] || a.dataOffsets[1] - b.dataOffsets[1]);
  let expected = 0;
  for (const t of tensors) {
    if (t.dataOffsets[0] !== expected)
      throw new SafetensorsError(`${t.name} starts at byte ${t.dataOffsets[0]}, expected ${expected} (data must have no holes or overlaps)`);
    expected = t.dataOffsets[1];
  }
  if (expected !== data.length) throw new SafetensorsError(`tensors cover ${expected} of ${data.length} data bytes`);
  return { tensors, metadata };
}

function parseMetadata(raw: unknown): Record<string, string> {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Object.values(raw).every((v) => typeof v === 'string')) {
    throw new SafetensorsError(`${METADATA_KEY} must map strings to strings`);
  }
  return { ...(raw as Record<string, string>) };
}

function parseEntry(name: string, entry: unknown, data: Buffer): DecodedSafetensors['tensors'][number] {
  const e = entry as { dtype?: unknown; shape?: unknown; data_offsets?: unknown } | null;
  if (typeof e !== 'object' || e === null) throw new SafetensorsError(`${name}: entry is not an object`);
  if (!isDtype(e.dtype)) throw new SafetensorsError(`${name}: unknown dtype ${String(e.dtype)}`);
  const isIndex = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
  if (!Array.isArray(e.shape) || !e.shape.every(isIndex)) throw new SafetensorsError(`${name}: shape is not a list of non-negative integers`);
  const offsets = e.data_offsets;
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isIndex)) throw new SafetensorsError(`${name}: data_offsets must be [begin, end]`);
  const [begin, end] = offsets as [number, number];
  if (begin > end) throw new SafetensorsError(`${name}: data_offsets begin ${begin} after end ${end}`);
  const bytes = elementCount(e.shape as number[]) * SAFETENSORS_DTYPE_BYTES[e.dtype];
  if (end - begin !== bytes) throw new SafetensorsError(`${name}: ${end - begin} bytes for shape [${e.shape}] of ${e.dtype} (${bytes} expected)`);
  if (end > data.length) throw new SafetensorsError(`${name}: data_offsets end ${end} beyond the ${data.length} data bytes`);
  return { name, dtype: e.dtype, shape: [...(e.shape as number[])], data: data.subarray(begin, end), dataOffsets: [begin, end] };
}
