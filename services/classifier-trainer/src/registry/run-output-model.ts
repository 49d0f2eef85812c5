import type { ModelVersion as ProtoModelVersion, Run as ProtoRun } from '@ser/contracts';
import { aliasesByVersion, modelVersionToProto } from '@ser/runs';
import type { MetadataStore } from '@ser/store';

/**
 * The run with Run.output_model set, and the model version it registered; the run as it is when none.
 * The trainer registers the version itself (register-run-model.ts), so it reads it back here; every other
 * reader goes through ModelRegistryService.
 */
export async function withOutputModel<R extends ProtoRun>(store: MetadataStore, run: R): Promise<{ run: R; modelVersion?: ProtoModelVersion }> {
  if (run.status !== 'RUN_STATUS_SUCCEEDED' || !run.id) return { run };
  const version = await store.models.findByRun(run.id);
  if (!version) return { run };
  const aliases = (await aliasesByVersion(store, version.modelName)).get(version.version) ?? [];
  return { run: { ...run, outputModel: { name: version.modelName, version: String(version.version) } }, modelVersion: modelVersionToProto(version, aliases) };
}
