import { sqlState, UNIQUE_VIOLATION, type Queryable } from '../db/db';
import { invalidArgument, notFound } from '../errors';
import { newId, toDate, toJsonParam, type JsonObject } from '../json';
import { paginate, type Page, type PageArgs } from '../paging';

export interface ModelVersion {
  id: string;
  modelName: string;
  /** 1, 2, 3… per model, in creation order. */
  version: number;
  runId: string | null;
  metrics: JsonObject;
  /** Dataset version, checkpoint and config it came from. */
  lineage: JsonObject;
  artifactKey: string;
  createdAt: Date;
}

export interface NewModelVersion {
  modelName: string;
  artifactKey: string;
  runId?: string | null;
  metrics?: JsonObject;
  lineage?: JsonObject;
}

export interface ModelAlias {
  alias: string;
  version: ModelVersion;
  updatedAt: Date;
}

export interface ModelSummary {
  name: string;
  latestVersion: number;
  versionCount: number;
}

interface ModelVersionRow {
  id: string;
  model_name: string;
  version: number;
  run_id: string | null;
  metrics: JsonObject;
  lineage: JsonObject;
  artifact_key: string;
  created_at: Date;
}

const fromRow = (r: ModelVersionRow): ModelVersion => ({
  id: r.id,
  modelName: r.model_name,
  version: r.version,
  runId: r.run_id,
  metrics: r.metrics,
  lineage: r.lineage,
  artifactKey: r.artifact_key,
  createdAt: toDate(r.created_at),
});

// Letters first so an alias can never be read as a version number by resolve().
const ALIAS = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const VERSION_NUMBER = /^[1-9][0-9]{0,8}$/;
// Concurrent creators of one model race for the same next number; the loser retries with a fresh max.
const CREATE_ATTEMPTS = 20;

export class ModelRepository {
  constructor(private readonly q: Queryable) {}

  /** Adds the model's next version (max + 1, starting at 1). */
  async createVersion(input: NewModelVersion): Promise<ModelVersion> {
    for (let attempt = 1; ; attempt++) {
      try {
        // A savepoint per attempt, so a lost race inside a caller's transaction does not abort it.
        const [row] = await this.q.transaction((tx) =>
          tx.query<ModelVersionRow>(
            `INSERT INTO model_versions (id, model_name, version, run_id, metrics, lineage, artifact_key)
             SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4::jsonb, $5::jsonb, $6 FROM model_versions WHERE model_name = $2
             RETURNING *`,
            [newId(), input.modelName, input.runId ?? null, toJsonParam(input.metrics), toJsonParam(input.lineage), input.artifactKey],
          ),
        );
        return fromRow(row!);
      } catch (err) {
        if (sqlState(err) !== UNIQUE_VIOLATION || attempt >= CREATE_ATTEMPTS) throw err;
      }
    }
  }

  async getVersion(id: string): Promise<ModelVersion | null> {
    const [row] = await this.q.query<ModelVersionRow>('SELECT * FROM model_versions WHERE id = $1', [id]);
    return row ? fromRow(row) : null;
  }

  async findVersion(modelName: string, version: number): Promise<ModelVersion | null> {
    const [row] = await this.q.query<ModelVersionRow>('SELECT * FROM model_versions WHERE model_name = $1 AND version = $2', [modelName, version]);
    return row ? fromRow(row) : null;
  }

  /**
   * Points alias at a version of the model and returns the version it pointed at before (null when new).
   * An advisory lock per (model, alias) makes concurrent moves queue, so each sees the true previous version.
   */
  async setAlias(modelName: string, alias: string, version: number): Promise<{ current: ModelVersion; previous: ModelVersion | null }> {
    if (!ALIAS.test(alias)) throw invalidArgument(`invalid alias '${alias}': start with a letter; letters, digits, '_', '.', '-'`);
    return this.q.transaction(async (tx) => {
      const models = new ModelRepository(tx);
      const current = await models.findVersion(modelName, version);
      if (!current) throw notFound(`model ${modelName} version ${version}`);
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`model_alias:${modelName}:${alias}`]);
      const [previous] = await tx.query<ModelVersionRow>(
        'SELECT v.* FROM model_aliases a JOIN model_versions v ON v.id = a.version_id WHERE a.model_name = $1 AND a.alias = $2',
        [modelName, alias],
      );
      await tx.query(
        `INSERT INTO model_aliases (model_name, alias, version_id) VALUES ($1, $2, $3)
         ON CONFLICT (model_name, alias) DO UPDATE SET version_id = excluded.version_id, updated_at = clock_timestamp()`,
        [modelName, alias, current.id],
      );
      return { current, previous: previous ? fromRow(previous) : null };
    });
  }

  /** A version by number (`3`, `'3'`) or by alias (`'production'`); null when neither exists. */
  async resolve(modelName: string, aliasOrVersion: string | number): Promise<ModelVersion | null> {
    const ref = String(aliasOrVersion);
    if (VERSION_NUMBER.test(ref)) return this.findVersion(modelName, Number(ref));
    const [row] = await this.q.query<ModelVersionRow>(
      'SELECT v.* FROM model_aliases a JOIN model_versions v ON v.id = a.version_id WHERE a.model_name = $1 AND a.alias = $2',
      [modelName, ref],
    );
    return row ? fromRow(row) : null;
  }

  /** Newest version first. */
  listVersions(modelName: string, paging: PageArgs = {}): Promise<Page<ModelVersion>> {
    return paginate(
      this.q,
      {
        name: 'model_versions',
        columns: '*',
        from: 'model_versions',
        where: ['model_name = $1'],
        params: [modelName],
        order: [{ column: 'version', type: 'int' }],
        direction: 'desc',
      },
      paging,
      fromRow,
    );
  }

  /** Versions of every model, by name then newest version first (a listing across names has no one "newest"). */
  listAllVersions(paging: PageArgs = {}): Promise<Page<ModelVersion>> {
    return paginate(
      this.q,
      {
        name: 'all_model_versions',
        columns: '*',
        from: 'model_versions',
        where: [],
        params: [],
        order: [
          { column: 'model_name', type: 'text' },
          { column: 'version', type: 'int' },
        ],
        direction: 'desc',
      },
      paging,
      fromRow,
    );
  }

  /** The version a run registered, if any (the newest when a run registered several). */
  async findByRun(runId: string): Promise<ModelVersion | null> {
    const [row] = await this.q.query<ModelVersionRow>('SELECT * FROM model_versions WHERE run_id = $1 ORDER BY created_at DESC LIMIT 1', [runId]);
    return row ? fromRow(row) : null;
  }

  async listAliases(modelName: string): Promise<ModelAlias[]> {
    const rows = await this.q.query<ModelVersionRow & { alias: string; alias_updated_at: Date }>(
      `SELECT v.*, a.alias, a.updated_at AS alias_updated_at
       FROM model_aliases a JOIN model_versions v ON v.id = a.version_id WHERE a.model_name = $1 ORDER BY a.alias`,
      [modelName],
    );
    return rows.map((r) => ({ alias: r.alias, version: fromRow(r), updatedAt: toDate(r.alias_updated_at) }));
  }

  /** Every model name with its newest version number, by name. */
  async listModels(): Promise<ModelSummary[]> {
    return this.q.query<ModelSummary>(
      `SELECT model_name AS name, max(version) AS "latestVersion", count(*)::int AS "versionCount"
       FROM model_versions GROUP BY model_name ORDER BY model_name`,
    );
  }
}
