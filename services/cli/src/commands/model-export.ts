// `ser model export`: a registered model version as a file another runtime can serve. The registry row names the
// kept model's artifact key; @ser/onnx-export reads model.json and its weights from there.
import { writeFile } from 'node:fs/promises';
import type { ArtifactStore } from '@ser/artifacts';
import { OnnxExportUnsupportedError, exportKeptModelToOnnx } from '@ser/onnx-export';
import type { MetadataStore } from '@ser/store';
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
export async function exportModelVersion(store: MetadataStore, artifacts: ArtifactStore, ref: ModelRef, out: string): Promise<{ name: string; version: number; bytes: number }> {
  const found = await store.models.resolve(ref.name, ref.ref);
  if (!found) throw new CliError(`no model version ${ref.name}${typeof ref.ref === 'number' ? `:${ref.ref}` : `@${ref.ref}`}`);
  let onnx: Uint8Array;
  try {
    onnx = await exportKeptModelToOnnx(artifacts, found.artifactKey, { name: found.modelName, version: found.version });
  } catch (err) {
    if (err instanceof OnnxExportUnsupportedError) throw new CliError(`${found.modelName}:${found.version}: ${err.message}`);
    throw err;
  }
  await writeFile(out, onnx);
  return { name: found.modelName, version: found.version, bytes: onnx.length };
}
