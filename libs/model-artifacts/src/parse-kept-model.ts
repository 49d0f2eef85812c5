// Reading model.json of any format version into the current one.
import { z } from 'zod';
import { KEPT_MODEL_FORMAT_VERSION, KEPT_MODEL_KINDS, keptModelSchema, type KeptModel } from './kept-model-schema';

/** model.json that is not a kept model this code can read. */
export class KeptModelFormatError extends Error {
  override name = 'KeptModelFormatError';
}

/** A well-formed model.json of a kind nothing here knows (a newer trainer, or a typo). */
export class UnknownKeptModelKindError extends KeptModelFormatError {
  override name = 'UnknownKeptModelKindError';
  constructor(readonly kind: string) {
    super(`model kind '${kind}' is unknown (known: ${KEPT_MODEL_KINDS.join(', ')})`);
  }
}

/** Version 1 wrote float32 .bin weights and left the file name out for a fop-classifier (it was always weights.bin). */
const LEGACY_WEIGHTS_FILE = 'weights.bin';

/**
 * Version 1 (written before formatVersion existed) in version 2's shape: every `weights: {file?, manifest}` gets
 * `format: 'raw-f32le'`, and the file name it implied. The schema then checks the rest as for a new file.
 */
function upgradeFromVersion1(json: Record<string, unknown>): Record<string, unknown> {
  const upgrade = (value: unknown): unknown => {
    if (Array.isArray(value) || typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => {
        const isWeightsRef = key === 'weights' && typeof v === 'object' && v !== null && Array.isArray((v as { manifest?: unknown }).manifest);
        return [key, isWeightsRef ? { file: LEGACY_WEIGHTS_FILE, ...(v as object), format: 'raw-f32le' } : upgrade(v)];
      }),
    );
  };
  return { ...(upgrade(json) as Record<string, unknown>), formatVersion: KEPT_MODEL_FORMAT_VERSION };
}

/** Validates parsed model.json (any version) and returns it in the current format; KeptModelFormatError otherwise. */
export function parseKeptModel(json: unknown): KeptModel {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new KeptModelFormatError('model.json is not a JSON object');
  const raw = json as Record<string, unknown>;
  if (typeof raw.kind !== 'string') throw new KeptModelFormatError('model.json has no kind');
  if (!(KEPT_MODEL_KINDS as string[]).includes(raw.kind)) throw new UnknownKeptModelKindError(raw.kind);
  const version = raw.formatVersion ?? 1;
  if (version !== 1 && version !== KEPT_MODEL_FORMAT_VERSION) {
    throw new KeptModelFormatError(`model.json format version ${String(version)} is newer than this reader (${KEPT_MODEL_FORMAT_VERSION})`);
  }
  const result = keptModelSchema.safeParse(version === 1 ? upgradeFromVersion1(raw) : raw);
  if (!result.success) throw new KeptModelFormatError(`model.json of kind '${raw.kind}' is invalid:\n${z.prettifyError(result.error)}`);
  return result.data;
}
