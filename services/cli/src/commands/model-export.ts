// `ser model export`: a registered model version as a file another runtime can serve. The model registry resolves the
// reference (GetModelVersion) and streams the export (ExportModelVersion), which it makes once per version and keeps,
// so the CLI needs no access to the artifact store and a second export of a version is a download.
import { writeFile } from 'node:fs/promises';
import type { ExportFormat, ModelRegistryServiceClient, ModelVersion__Output } from '@ser/contracts';
import { callUnary, deadlineIn, GrpcStatus, iterateStream, readErrorDetails } from '@ser/grpc-kit';
import { CliError, usageError } from '../cli-error';

/** NAME (its default alias), NAME:VERSION or NAME@ALIAS. */
export interface ModelRef {
  name: string;
  ref: string | number;
}

export function parseModelRef(text: string, defaultAlias: string): ModelRef {
  const match = /^([^:@\s]+)(?::([1-9][0-9]*)|@([A-Za-z][A-Za-z0-9_.-]*))?$/.exec(text);
  if (!match) throw usageError(`'${text}' is not NAME, NAME:VERSION or NAME@ALIAS`);
  const [, name, version, alias] = match;
  return { name: name!, ref: version ? Number(version) : (alias ?? defaultAlias) };
}

export const MODEL_EXPORT_FORMATS = ['onnx'] as const;

/** The registry's format of each --format. */
const REGISTRY_FORMATS: Record<(typeof MODEL_EXPORT_FORMATS)[number], ExportFormat> = { onnx: 'EXPORT_FORMAT_ONNX' };

/** How long one export may take: the first export of a paper-size model converts it, in the registry. */
const EXPORT_DEADLINE_MS = 10 * 60_000;

/** Writes the export of one registered version to `out`; returns which version it was. */
export async function exportModelVersion(
  registry: ModelRegistryServiceClient,
  ref: ModelRef,
  out: string,
  format: (typeof MODEL_EXPORT_FORMATS)[number] = 'onnx',
): Promise<{ name: string; version: number; bytes: number }> {
  const found = await findVersion(registry, ref);
  if (!found) throw new CliError(`no model version ${ref.name}${typeof ref.ref === 'number' ? `:${ref.ref}` : `@${ref.ref}`}`);
  const version = Number(found.version);
  // By number, not by the reference: an alias moved in between still exports the version named above.
  const request = { model: { name: found.name, version: found.version }, format: REGISTRY_FORMATS[format] };
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of iterateStream(registry.ExportModelVersion(request, deadlineIn(EXPORT_DEADLINE_MS)))) chunks.push(chunk.data);
  } catch (err) {
    // The registry's message names the version and the kinds that export ("fop-emotion:3: model kind ... has no ONNX export yet").
    const { code, message } = readErrorDetails(err);
    if (code === GrpcStatus.FAILED_PRECONDITION || code === GrpcStatus.NOT_FOUND) throw new CliError(message);
    throw err;
  }
  const onnx = Buffer.concat(chunks);
  await writeFile(out, onnx);
  return { name: found.name, version, bytes: onnx.length };
}

/** The version the reference picks, as the registry resolves it; null when it has none. */
async function findVersion(registry: ModelRegistryServiceClient, ref: ModelRef): Promise<ModelVersion__Output | null> {
  const model = typeof ref.ref === 'number' ? { name: ref.name, version: String(ref.ref) } : { name: ref.name, alias: ref.ref };
  try {
    return (await callUnary(registry, 'GetModelVersion', { model })).modelVersion;
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code === GrpcStatus.NOT_FOUND) return null;
    throw err;
  }
}
