// A pre-training run's start request, validated into the row that queues it. Shared by the pre-trainers'
// Start*PretrainRun and the gateway, which queues runs itself so a run can start while no trainer is up.
import { DomainError, invalidArgument, toGrpcError } from '@ser/grpc-kit';
import type { ReadOnlyStore, NewRun } from '@ser/store';
import { ZodError, type ZodType } from 'zod';
import { pretrainConfigSchema } from './fop-pretrain-config';
import { vqvaeConfigSchema } from './vqvae-pretrain-config';

/** Each pre-training kind's config schema: the one its trainer executes with. */
export const PRETRAIN_CONFIG_SCHEMAS = { 'fop-pretrain': pretrainConfigSchema, 'vqvae-pretrain': vqvaeConfigSchema } as const;

/** config_json with the request's dataset versions, validated by `parse` (INVALID_ARGUMENT on a bad config). */
export function parsePretrainStart<C>(parse: (raw: unknown) => C, configJson: string, datasetVersionIds: string[]): C {
  try {
    const raw = configJson ? JSON.parse(configJson) : {};
    return parse({ ...raw, datasetVersionIds: datasetVersionIds.length ? datasetVersionIds : raw.datasetVersionIds });
  } catch (err) {
    if (err instanceof SyntaxError) throw invalidArgument(`config_json is not JSON: ${err.message}`, [{ field: 'config_json', description: 'invalid JSON' }]);
    if (err instanceof ZodError) throw toGrpcError(err);
    throw err;
  }
}

/** The queued run a pre-training start request becomes (INVALID_ARGUMENT / NOT_FOUND otherwise). Nothing is written. */
export async function planPretrainRun<C extends { datasetVersionIds: string[] }>(
  store: ReadOnlyStore,
  parse: (raw: unknown) => C,
  req: { configJson: string; datasetVersionIds: string[]; displayName?: string },
): Promise<Omit<NewRun, 'kind'>> {
  const config = parsePretrainStart(parse, req.configJson, req.datasetVersionIds);
  for (const id of config.datasetVersionIds) {
    if (!(await store.datasets.getVersion(id)))
      throw new DomainError('NOT_FOUND', `dataset version '${id}' not found`, { violations: [{ field: 'dataset_version_ids', description: id }] });
  }
  return { config, lineage: { datasetVersionIds: config.datasetVersionIds }, displayName: req.displayName || undefined };
}

/** A schema as the parse function planPretrainRun takes. */
export const parseWith =
  <C>(schema: ZodType<C>) =>
  (raw: unknown): C =>
    schema.parse(raw);
