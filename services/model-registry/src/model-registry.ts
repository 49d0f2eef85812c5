import type {
  GetModelVersionRequest__Output,
  ListModelVersionsRequest__Output,
  ModelAlias as ProtoModelAlias,
  ModelSelector__Output,
  ModelSummary as ProtoModelSummary,
  ModelVersion as ProtoModelVersion,
  RegisterModelVersionRequest__Output,
  SetModelAliasRequest__Output,
} from '@ser/contracts';
import { TOPICS, type EventBus } from '@ser/events';
import { invalidArgument, notFound } from '@ser/grpc-kit';
import type { Logger } from '@ser/logging';
import { aliasesByVersion, modelVersionToProto, pageArgsFromRequest, pageResponse, storeCall } from '@ser/runs';
import type { JsonObject, MetadataStore, ModelVersion } from '@ser/store';
import type { RegistryMetrics } from './registry-metrics';

export interface ModelRegistryDeps {
  store: MetadataStore;
  bus: EventBus;
  logger: Logger;
  /** Alias a selector without one means: the platform's inference.defaultAlias, as in inference. */
  defaultAlias: string;
  /** Versions registered and alias moves for Prometheus; nothing is counted when absent. */
  metrics?: RegistryMetrics;
}

/**
 * The model registry over the metadata store: list and get versions, move aliases (promote, roll back: both are
 * "point alias A at version N"). Every move publishes TOPICS.modelAliasMoved, which inference follows.
 * It owns model_versions too: a classifier run's kept model is registered here (RegisterModelVersion, called by
 * services/classifier-trainer/src/registry/register-run-model.ts).
 */
export class ModelRegistry {
  constructor(private readonly deps: ModelRegistryDeps) {}

  async list(
    req: ListModelVersionsRequest__Output,
  ): Promise<{ modelVersions: ProtoModelVersion[]; page: ReturnType<typeof pageResponse>; pageTokens: string[] }> {
    const { store } = this.deps;
    const page = await storeCall(() =>
      req.name ? store.models.listVersions(req.name, pageArgsFromRequest(req.page)) : store.models.listAllVersions(pageArgsFromRequest(req.page)),
    );
    const aliases = new Map<string, Map<number, string[]>>();
    for (const name of new Set(page.edges.map((e) => e.node.modelName))) aliases.set(name, await aliasesByVersion(store, name));
    return {
      modelVersions: page.edges.map(({ node }) => withStoredFields(node, aliases.get(node.modelName)?.get(node.version) ?? [])),
      page: pageResponse(page),
      pageTokens: page.edges.map((e) => e.cursor),
    };
  }

  /** Every model name with its newest version number and version count. */
  async listModels(): Promise<ProtoModelSummary[]> {
    return (await this.deps.store.models.listModels()).map((m) => ({ name: m.name, latestVersion: Number(m.latestVersion), versionCount: m.versionCount }));
  }

  /** The versions with these ids (unknown ones left out), for callers that hold ids (predictions, GraphQL nodes). */
  async getMany(ids: readonly string[]): Promise<ProtoModelVersion[]> {
    const found = (await Promise.all([...new Set(ids)].map((id) => this.deps.store.models.getVersion(id)))).filter((v): v is ModelVersion => v !== null);
    return Promise.all(found.map((v) => this.toProto(v)));
  }

  async listAliases(name: string): Promise<ProtoModelAlias[]> {
    if (!name) throw invalidArgument('name is required', [{ field: 'name', description: 'must not be empty' }]);
    const aliases = await this.deps.store.models.listAliases(name);
    const byVersion = new Map<number, string[]>();
    for (const a of aliases) byVersion.set(a.version.version, [...(byVersion.get(a.version.version) ?? []), a.alias]);
    return aliases.map((a) => ({
      alias: a.alias,
      modelVersion: withStoredFields(a.version, byVersion.get(a.version.version) ?? []),
      updatedAtMs: a.updatedAt.getTime(),
    }));
  }

  async get(req: GetModelVersionRequest__Output): Promise<ProtoModelVersion> {
    return this.toProto(await this.resolve(req.model));
  }

  /** The stored version a selector picks (alias deps.defaultAlias when it names neither); NOT_FOUND when none. */
  async resolve(selector: ModelSelector__Output | null | undefined): Promise<ModelVersion> {
    if (!selector?.name) throw invalidArgument('model.name is required', [{ field: 'model.name', description: 'must not be empty' }]);
    const ref = (selector.target === 'version' ? selector.version : selector.alias) || this.deps.defaultAlias;
    const found = await storeCall(() => this.deps.store.models.resolve(selector.name, ref));
    if (!found) throw notFound(`model ${selector.name}`, ref);
    return found;
  }

  /** The version a run registered (lineage from run to model). */
  async getByRun(runId: string): Promise<ProtoModelVersion> {
    if (!runId) throw invalidArgument('run_id is required', [{ field: 'run_id', description: 'must not be empty' }]);
    const found = await this.deps.store.models.findByRun(runId);
    if (!found) throw notFound('model version of run', runId);
    return this.toProto(found);
  }

  /** The next version of req.modelName for a run's kept model; the run's existing version when it registered before. */
  async register(req: RegisterModelVersionRequest__Output): Promise<{ modelVersion: ProtoModelVersion; created: boolean }> {
    const violations: Array<{ field: string; description: string }> = (['modelName', 'runId', 'artifactKey'] as const)
      .filter((f) => !req[f])
      .map((field) => ({ field, description: 'must not be empty' }));
    const lineage = parseJsonObject(req.lineageJson || '{}');
    if (!lineage) violations.push({ field: 'lineage_json', description: 'a JSON object' });
    if (violations.length) throw invalidArgument(`${violations.map((v) => v.field).join(', ')}: invalid`, violations);
    const { store } = this.deps;
    const existing = await store.models.findByRun(req.runId);
    if (existing) return { modelVersion: await this.toProto(existing), created: false };
    if (!(await store.runs.get(req.runId))) throw notFound('run', req.runId);
    const created = await storeCall(() =>
      store.models.createVersion({ modelName: req.modelName, runId: req.runId, artifactKey: req.artifactKey, metrics: { ...req.metrics }, lineage: lineage! }),
    );
    this.deps.metrics?.versionsRegistered.inc({ model_name: created.modelName });
    this.deps.logger.info({ model: created.modelName, version: created.version, runId: req.runId }, 'model version registered');
    return { modelVersion: await this.toProto(created), created: true };
  }

  async setAlias(req: SetModelAliasRequest__Output): Promise<ProtoModelVersion> {
    const violations = (['name', 'version', 'alias'] as const).filter((f) => !req[f]).map((field) => ({ field, description: 'must not be empty' }));
    if (violations.length) throw invalidArgument(`${violations.map((v) => v.field).join(', ')} required`, violations);
    const version = Number(req.version);
    if (!Number.isInteger(version) || version < 1)
      throw invalidArgument(`version '${req.version}' is not a version number`, [{ field: 'version', description: 'a positive integer' }]);
    const { current, previous } = await storeCall(() => this.deps.store.models.setAlias(req.name, req.alias, version));
    if (previous?.version !== current.version) {
      await this.deps.bus.publish(
        TOPICS.modelAliasMoved,
        { modelName: req.name, alias: req.alias, version, ...(previous ? { previousVersion: previous.version } : {}) },
        { key: `${req.name}:${req.alias}` },
      );
      this.deps.metrics?.aliasMoves.inc({ model_name: req.name, alias: req.alias });
      this.deps.logger.info({ model: req.name, alias: req.alias, version, previousVersion: previous?.version }, 'model alias moved');
    }
    return this.toProto(current);
  }

  async toProto(v: ModelVersion): Promise<ProtoModelVersion> {
    return withStoredFields(v, (await aliasesByVersion(this.deps.store, v.modelName)).get(v.version) ?? []);
  }
}

function parseJsonObject(text: string): JsonObject | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

/** The wire form plus what only the registry's own readers need: id, artifact key, the whole lineage and metrics. */
function withStoredFields(v: ModelVersion, aliases: readonly string[]): ProtoModelVersion {
  return {
    ...modelVersionToProto(v, aliases),
    id: v.id,
    artifactKey: v.artifactKey,
    lineageJson: JSON.stringify(v.lineage),
    metricsJson: JSON.stringify(v.metrics),
  };
}
