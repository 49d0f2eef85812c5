import type { Queryable } from '../db/db';
import { notFound } from '../errors';
import { newId, toDate, toDateOrNull, toJsonParam, type JsonObject } from '../json';
import { paginate, type Page, type PageArgs } from '../paging';
import { runLineageSchema, type RunLineage } from '../run-lineage';

export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
const TERMINAL: readonly RunStatus[] = ['succeeded', 'failed', 'cancelled'];

export interface Run {
  id: string;
  /** Which trainer runs it, e.g. `fop-pretrain`, `vqvae-pretrain`, `classifier`. */
  kind: string;
  status: RunStatus;
  /** 0..1 */
  progress: number;
  /** The resolved experiment config, saved with the run. */
  config: JsonObject;
  /** What its starter called it (a label for lists and logs); not part of the config. */
  displayName: string | null;
  /** A classifier run's: the model name its kept model registers under; null for other runs and unnamed ones. */
  modelName: string | null;
  metrics: JsonObject;
  /** Inputs it was made from (dataset version, checkpoint, parent run) and what it made. */
  lineage: RunLineage;
  error: string | null;
  /** Worker that owns the run while it executes. */
  claimedBy: string | null;
  /** How many times a worker has claimed it. */
  attempt: number;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface NewRun {
  kind: string;
  config?: JsonObject;
  /** Empty is stored as none. */
  displayName?: string;
  /** Empty is stored as none. */
  modelName?: string;
  lineage?: RunLineage;
  /** Lets a caller know the id before the insert; a uuid when absent. */
  id?: string;
}

export interface RunPatch {
  status?: RunStatus;
  progress?: number;
  /** Merged into the stored metrics (top-level keys replaced). */
  metrics?: JsonObject;
  /** Merged into the stored lineage. */
  lineage?: RunLineage;
  error?: string | null;
}

export interface RunFilter {
  kind?: string;
  status?: RunStatus | readonly RunStatus[];
}

export interface RunMetric {
  name: string;
  epoch: number;
  value: number;
}

interface RunRow {
  id: string;
  kind: string;
  status: RunStatus;
  progress: number;
  config: JsonObject;
  display_name: string | null;
  model_name: string | null;
  metrics: JsonObject;
  lineage: RunLineage;
  error: string | null;
  claimed_by: string | null;
  attempt: number;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const fromRow = (r: RunRow): Run => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  progress: r.progress,
  config: r.config,
  displayName: r.display_name,
  modelName: r.model_name,
  metrics: r.metrics,
  lineage: r.lineage,
  error: r.error,
  claimedBy: r.claimed_by,
  attempt: r.attempt,
  createdAt: toDate(r.created_at),
  updatedAt: toDate(r.updated_at),
  startedAt: toDateOrNull(r.started_at),
  finishedAt: toDateOrNull(r.finished_at),
});

/** A lineage checked against RunLineage (ZodError when a named key has the wrong type), as a jsonb parameter. */
const lineageParam = (lineage: RunLineage | undefined): string => toJsonParam(runLineageSchema.parse(lineage ?? {}));

// What a successful claim writes: the run is the worker's, running, one attempt more.
const CLAIM_SET = `claimed_by = $2, status = 'running', attempt = attempt + 1,
  started_at = coalesce(started_at, clock_timestamp()), updated_at = clock_timestamp()`;

export class RunRepository {
  constructor(private readonly q: Queryable) {}

  async create(input: NewRun): Promise<Run> {
    const [row] = await this.q.query<RunRow>(
      'INSERT INTO runs (id, kind, config, lineage, display_name, model_name) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6) RETURNING *',
      [input.id ?? newId(), input.kind, toJsonParam(input.config), lineageParam(input.lineage), input.displayName || null, input.modelName || null],
    );
    return fromRow(row!);
  }

  async get(id: string): Promise<Run | null> {
    const [row] = await this.q.query<RunRow>('SELECT * FROM runs WHERE id = $1', [id]);
    return row ? fromRow(row) : null;
  }

  /** Newest first. */
  list(filter: RunFilter = {}, paging: PageArgs = {}): Promise<Page<Run>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.kind !== undefined) {
      params.push(filter.kind);
      where.push(`kind = $${params.length}`);
    }
    if (filter.status !== undefined) {
      params.push(toJsonParam(typeof filter.status === 'string' ? [filter.status] : filter.status));
      where.push(`status IN (SELECT jsonb_array_elements_text($${params.length}::jsonb))`);
    }
    return paginate(
      this.q,
      {
        name: 'runs',
        columns: '*',
        from: 'runs',
        where,
        params,
        order: [{ column: 'seq', type: 'bigint' }],
        direction: 'desc',
      },
      paging,
      fromRow,
    );
  }

  /** Applies a patch; entering a terminal status stamps finished_at, entering `running` stamps started_at once. */
  async update(id: string, patch: RunPatch): Promise<Run> {
    const sets = ['updated_at = clock_timestamp()'];
    const params: unknown[] = [id];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (patch.status !== undefined) {
      sets.push(`status = ${param(patch.status)}`);
      if (TERMINAL.includes(patch.status)) sets.push('finished_at = clock_timestamp()');
      if (patch.status === 'running') sets.push('started_at = coalesce(started_at, clock_timestamp())');
    }
    if (patch.progress !== undefined) sets.push(`progress = ${param(patch.progress)}`);
    if (patch.metrics !== undefined) sets.push(`metrics = metrics || ${param(toJsonParam(patch.metrics))}::jsonb`);
    if (patch.lineage !== undefined) sets.push(`lineage = lineage || ${param(lineageParam(patch.lineage))}::jsonb`);
    if (patch.error !== undefined) sets.push(`error = ${param(patch.error)}`);
    const [row] = await this.q.query<RunRow>(`UPDATE runs SET ${sets.join(', ')} WHERE id = $1 RETURNING *`, params);
    if (!row) throw notFound(`run ${id}`);
    return fromRow(row);
  }

  /**
   * Makes workerId the owner of a queued run. The conditional UPDATE is atomic, so of any number of concurrent
   * claimants exactly one gets the run; the others get null.
   */
  async claim(runId: string, workerId: string): Promise<Run | null> {
    const [row] = await this.q.query<RunRow>(`UPDATE runs SET ${CLAIM_SET} WHERE id = $1 AND claimed_by IS NULL AND status = 'queued' RETURNING *`, [
      runId,
      workerId,
    ]);
    return row ? fromRow(row) : null;
  }

  /**
   * Cancels a run only while it is queued and unclaimed, with no trainer involved (none may be up: they scale to
   * zero on this queue). The same row condition as claim(), so of a cancel and a claim racing exactly one wins;
   * null when the run is not queued any more (claimed, ended, or no such run).
   */
  async cancelQueued(runId: string): Promise<Run | null> {
    const [row] = await this.q.query<RunRow>(
      `UPDATE runs SET status = 'cancelled', finished_at = clock_timestamp(), updated_at = clock_timestamp()
       WHERE id = $1 AND claimed_by IS NULL AND status = 'queued' RETURNING *`,
      [runId],
    );
    return row ? fromRow(row) : null;
  }

  /** Claims the oldest queued run of a kind; SKIP LOCKED lets concurrent workers take different runs. */
  async claimNext(kind: string, workerId: string): Promise<Run | null> {
    const [row] = await this.q.query<RunRow>(
      `UPDATE runs SET ${CLAIM_SET}
       WHERE id = (SELECT id FROM runs WHERE kind = $1 AND status = 'queued' AND claimed_by IS NULL
                   ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [kind, workerId],
    );
    return row ? fromRow(row) : null;
  }

  /** Gives a running run back to the queue (worker shutting down); only its owner can. */
  async release(runId: string, workerId: string): Promise<Run | null> {
    const [row] = await this.q.query<RunRow>(
      `UPDATE runs SET claimed_by = NULL, status = 'queued', updated_at = clock_timestamp()
       WHERE id = $1 AND claimed_by = $2 AND status = 'running' RETURNING *`,
      [runId, workerId],
    );
    return row ? fromRow(row) : null;
  }

  /** Records curve points; a point for an existing (name, epoch) replaces it. */
  async appendMetrics(runId: string, points: readonly RunMetric[]): Promise<void> {
    // One statement cannot upsert a key twice: the last point for a (name, epoch) wins, as it would one by one.
    const unique = [...new Map(points.map((p) => [`${p.name}\u0000${p.epoch}`, p])).values()];
    if (unique.length === 0) return;
    const params: unknown[] = [runId];
    const tuples = unique.map((p) => {
      params.push(p.name, p.epoch, p.value);
      const n = params.length;
      return `($1, $${n - 2}, $${n - 1}, $${n})`;
    });
    await this.q.query(
      `INSERT INTO run_metrics (run_id, name, epoch, value) VALUES ${tuples.join(', ')}
       ON CONFLICT (run_id, name, epoch) DO UPDATE SET value = excluded.value, recorded_at = clock_timestamp()`,
      params,
    );
  }

  appendMetric(runId: string, point: RunMetric): Promise<void> {
    return this.appendMetrics(runId, [point]);
  }

  /** Curve points by name, then epoch; one metric when name is given. */
  async listMetrics(runId: string, name?: string): Promise<RunMetric[]> {
    const rows = await this.q.query<RunMetric>(
      `SELECT name, epoch, value FROM run_metrics WHERE run_id = $1 AND ($2::text IS NULL OR name = $2) ORDER BY name, epoch`,
      [runId, name ?? null],
    );
    return rows.map((r) => ({ name: r.name, epoch: r.epoch, value: r.value }));
  }
}
