// `ser model export`: a registered model version as a file another runtime can serve. The model registry
// (GetModelVersion) names the kept model's artifact key; @ser/onnx-export reads model.json and its weights there.
import { writeFile } from 'node:fs/promises';
import type { ArtifactStore } from '@ser/artifacts';
import type { ModelRegistryServiceClient, ModelVersion__Output } from '@ser/contracts';
import { callUnary, GrpcStatus } from '@ser/grpc-kit';
import { OnnxExportUnsupportedError, exportKeptModelToOnnx } from '@ser/onnx-export';
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

/** Writes the export of one registered version to `out`; returns which version it was. */
export async function exportModelVersion(
  registry: ModelRegistryServiceClient,
  artifacts: ArtifactStore,
  ref: ModelRef,
  out: string,
): Promise<{ name: string; version: number; bytes: number }> {
  const found = await findVersion(registry, ref);
  if (!found) throw new CliError(`no model version ${ref.name}${typeof ref.ref === 'number' ? `:${ref.ref}` : `@${ref.ref}`}`);
  const version = Number(found.version);
  let onnx: Uint8Array;
  try {
    onnx = await exportKeptModelToOnnx(artifacts, found.artifactKey, { name: found.name, version });
  } catch (err) {
    if (err instanceof OnnxExportUnsupportedError) throw new CliError(`${found.name}:${version}: ${err.message}`);
    throw err;
  }
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
