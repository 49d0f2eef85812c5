// A weights file beside model.json: safetensors since format version 2; models written before it keep their
// `raw-f32le` files (float32 little-endian, back to back in manifest order, @ser/models serialization.ts) and
// still load.
import { z } from 'zod';
import type { SavedTensors, TensorEntry } from '@ser/models';
import { decodeSafetensors, encodeSafetensors } from './safetensors';

export const tensorEntrySchema = z.object({
  name: z.string().min(1),
  shape: z.array(z.number().int().nonnegative()),
  dtype: z.literal('float32'),
});

export const WEIGHTS_FORMATS = ['safetensors', 'raw-f32le'] as const;
export type WeightsFormat = (typeof WEIGHTS_FORMATS)[number];

export const weightsRefSchema = z.object({
  /** File name beside model.json (no folders). */
  file: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a file name beside model.json'),
  format: z.enum(WEIGHTS_FORMATS),
  /**
   * The tensors the model expects, sorted by name. A safetensors file carries them too; reading checks they agree,
   * so a file swapped under a model.json fails loudly instead of loading the wrong network.
   */
  manifest: z.array(tensorEntrySchema),
});

export type WeightsRef = z.infer<typeof weightsRefSchema>;

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/** Float32 tensors (as @ser/models saveVariables gives them) as a safetensors file, in manifest order. */
export function encodeWeightsFile(saved: SavedTensors, metadata: Record<string, string> = {}): Buffer {
  let offset = 0;
  const tensors = saved.manifest.map((entry) => {
    const bytes = entry.shape.reduce((a, b) => a * b, 1) * 4;
    const data = saved.data.subarray(offset, offset + bytes);
    offset += bytes;
    return { name: entry.name, dtype: 'F32' as const, shape: entry.shape, data };
  });
  if (offset !== saved.data.length) throw new Error(`weights have ${saved.data.length} bytes for a manifest of ${offset}`);
  return encodeSafetensors(tensors, metadata);
}

/**
 * The tensors of a weights file in @ser/models' SavedTensors form (what loadVariables takes). A safetensors file
 * must hold float32 tensors exactly as `ref.manifest` lists them, in any order.
 */
export function decodeWeightsFile(bytes: Buffer, ref: WeightsRef): SavedTensors {
  if (ref.format === 'raw-f32le') return { manifest: ref.manifest, data: bytes };
  const { tensors } = decodeSafetensors(bytes);
  const expected = new Map(ref.manifest.map((e) => [e.name, e.shape]));
  const problems: string[] = [];
  for (const t of tensors) {
    const shape = expected.get(t.name);
    if (t.dtype !== 'F32') problems.push(`${t.name} is ${t.dtype}, not F32`);
    else if (!shape) problems.push(`${t.name} is not in model.json`);
    else if (!sameShape(shape, t.shape)) problems.push(`${t.name} has shape [${t.shape}], model.json says [${shape}]`);
    expected.delete(t.name);
  }
  problems.push(...[...expected.keys()].map((name) => `${name} is missing`));
  if (problems.length > 0) throw new Error(`${ref.file} disagrees with model.json: ${problems.join('; ')}`);
  // Tensors lie back to back in offset order, so the data section is already SavedTensors' layout for that order.
  const manifest: TensorEntry[] = tensors.map((t) => ({ name: t.name, shape: t.shape, dtype: 'float32' }));
  const start = tensors[0]?.data.byteOffset ?? 0;
  const end = tensors.at(-1) ? tensors.at(-1)!.data.byteOffset + tensors.at(-1)!.data.byteLength : start;
  return { manifest, data: Buffer.from(bytes.buffer, start, end - start) };
}
