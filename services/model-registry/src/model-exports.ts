// A registered version's kept model in another runtime's format (ONNX, made by @ser/onnx-export), kept beside the kept
// model after the first export so every later download of that version is a read of one file, not a conversion.
import { ArtifactNotFoundError, type ArtifactStore } from '@ser/artifacts';
import type { ExportFormat__Output as ExportFormat, ExportModelVersionResponse } from '@ser/contracts';
import { failedPrecondition, fileChunks, invalidArgument, notFound } from '@ser/grpc-kit';
import type { Logger } from '@ser/logging';
import { UnknownKeptModelKindError } from '@ser/model-artifacts';
import { OnnxExportUnsupportedError, exportKeptModelToOnnx, keptOnnxExportKey } from '@ser/onnx-export';
import type { ModelVersion } from '@ser/store';

/** The file extension of each format the registry exports to; a format missing here is INVALID_ARGUMENT. */
const EXTENSIONS: Partial<Record<ExportFormat, string>> = { EXPORT_FORMAT_ONNX: 'onnx' };

/** A download's file name, `<name>-<version>.<ext>`, with anything but letters, digits, `.`, `_` and `-` as `_`. */
export function exportFilename(version: ModelVersion, extension: string): string {
  return `${version.modelName.replace(/[^A-Za-z0-9._-]/g, '_')}-${version.version}.${extension}`;
}

/** The version's export to `format`, from the kept file when there is one, else converted now and kept. */
export async function exportedModel(
  artifacts: ArtifactStore,
  version: ModelVersion,
  format: ExportFormat,
  logger: Logger,
): Promise<{ filename: string; bytes: Buffer }> {
  const extension = EXTENSIONS[format];
  if (!extension)
    throw invalidArgument(`format ${String(format)} is not one of ${Object.keys(EXTENSIONS).join(', ')}`, [
      { field: 'format', description: 'an export format' },
    ]);
  // ONNX is the only format, so the export is kept where @ser/onnx-export says (and inference looks). It never goes
  // stale: a version's kept model is written once, before the version is registered, and never changed after.
  const key = keptOnnxExportKey(version.artifactKey, version.id);
  const filename = exportFilename(version, extension);
  const kept = await artifacts.get(key).catch((err: unknown) => {
    if (err instanceof ArtifactNotFoundError) return null;
    throw err;
  });
  if (kept) return { filename, bytes: kept };
  const bytes = Buffer.from(await convert(artifacts, version));
  // Two first exports at once both write the same bytes; put() is atomic, so readers see one whole file either way.
  await artifacts.put(key, bytes);
  logger.info({ model: version.modelName, version: version.version, key, bytes: bytes.length }, 'model version exported');
  return { filename, bytes };
}

async function convert(artifacts: ArtifactStore, version: ModelVersion): Promise<Uint8Array> {
  const label = `${version.modelName}:${version.version}`;
  try {
    return await exportKeptModelToOnnx(artifacts, version.artifactKey, { name: version.modelName, version: version.version });
  } catch (err) {
    // A kind this registry cannot even read (a newer trainer's) has no export here either: the same answer as a known kind without one.
    const unsupported = err instanceof UnknownKeptModelKindError ? new OnnxExportUnsupportedError(err.kind) : err;
    if (unsupported instanceof OnnxExportUnsupportedError)
      throw failedPrecondition(`${label}: ${unsupported.message}`, 'EXPORT_UNSUPPORTED', { kind: unsupported.kind });
    if (err instanceof ArtifactNotFoundError) throw notFound(`kept model of model ${version.modelName}`, String(version.version));
    throw err;
  }
}

/** The export as ExportModelVersion streams it: chunks of at most FILE_CHUNK_BYTES, each naming the file. */
export async function* exportChunks(
  artifacts: ArtifactStore,
  version: ModelVersion,
  format: ExportFormat,
  logger: Logger,
): AsyncGenerator<ExportModelVersionResponse> {
  const { filename, bytes } = await exportedModel(artifacts, version, format, logger);
  for (const chunk of fileChunks(bytes)) yield { filename, ...chunk };
}
