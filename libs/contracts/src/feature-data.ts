// FeatureMatrix.data is float32 little-endian bytes; these convert without per-element work.
import { endianness } from 'node:os';

const FLOAT_BYTES = 4;

// Every platform we run on (x86-64, arm64) is little-endian; fail loudly rather than corrupt data.
if (endianness() !== 'LE') throw new Error('@ser/contracts: FeatureMatrix data assumes a little-endian host');

/** Float32 values as FeatureMatrix.data bytes (shares memory with `values`, no copy). */
export function encodeFeatureData(values: Float32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/**
 * FeatureMatrix.data bytes as Float32 values. Decoded messages often point into a larger buffer at
 * an offset that is not a multiple of 4, and a Float32Array view needs one, so those are copied.
 */
export function decodeFeatureData(bytes: Uint8Array): Float32Array {
  if (bytes.byteLength % FLOAT_BYTES !== 0) {
    throw new Error(`feature data has ${bytes.byteLength} bytes, not a multiple of ${FLOAT_BYTES}`);
  }
  if (bytes.byteOffset % FLOAT_BYTES === 0) {
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / FLOAT_BYTES);
  }
  // Copy into a fresh buffer (Buffer#slice would return a view, not a copy).
  const aligned = new Uint8Array(bytes.byteLength);
  aligned.set(bytes);
  return new Float32Array(aligned.buffer);
}
