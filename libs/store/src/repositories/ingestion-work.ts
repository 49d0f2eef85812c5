import type { Queryable } from '../db/db';
import { newId, toDate, toDateOrNull, toJsonParam, type JsonObject, type JsonValue } from '../json';

export type IngestionPlanStatus = 'running' | 'registered' | 'completed';
export type WorkItemStatus = 'pending' | 'claimed' | 'done';

/** One corpus ingestion split into work items (shards of the manifest), shared by the features replicas. */
export interface IngestionPlan {
  id: string;
  datasetName: string;
  /** Manifest content hash: the dataset version the plan will register. */
  version: string;
  format: string;
  sourceUri: string;
  /** Confined real directory the items' entry paths are relative to. */
  root: string;
  labelMap: Record<string, string>;
  /** Files the importer left out, with their reasons. */
  importSkipped: JsonValue[];
  itemCount: number;
  itemsDone: number;
  /** running: items in progress; registered: dataset version stored; completed: features.ready published. */
  status: IngestionPlanStatus;
  datasetVersionId: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface NewIngestionPlan {
  datasetName: string;
  version: string;
  format: string;
  sourceUri: string;
  root: string;
  labelMap?: Record<string, string>;
  importSkipped?: JsonValue[];
  /** The entries of each item, in shard order; item i is shard i. */
  items: JsonValue[][];
}

export interface WorkItem {
  planId: string;
  shardIndex: number;
  entries: JsonValue[];
  status: WorkItemStatus;
  claimedBy: string | null;
  leaseUntil: Date | null;
  /** Claims so far: 2 or more means the item was redone (a replica died or lost its lease). */
  attempt: number;
  doneBy: string | null;
  result: JsonObject | null;
  finishedAt: Date | null;
}

/** Outcome of a claim: ours now, already done (skip it), or held by another worker whose lease runs. */
export type ClaimResult =
  { outcome: 'claimed'; item: WorkItem } | { outcome: 'done' } | { outcome: 'held'; claimedBy: string; leaseUntil: Date } | { outcome: 'missing' };

interface PlanRow {
  id: string;
  dataset_name: string;
  version: string;
  format: string;
  source_uri: string;
  root: string;
  label_map: Record<string, string>;
  import_skipped: JsonValue[];
  item_count: number;
  items_done: number;
  status: IngestionPlanStatus;
  dataset_version_id: string | null;
  created_at: Date;
  finished_at: Date | null;
}

interface ItemRow {
  plan_id: string;
  shard_index: number;
  entries: JsonValue[];
  status: WorkItemStatus;
  claimed_by: string | null;
  lease_until: Date | null;
  attempt: number;
  done_by: string | null;
  result: JsonObject | null;
  finished_at: Date | null;
}

const planFromRow = (r: PlanRow): IngestionPlan => ({
  id: r.id,
  datasetName: r.dataset_name,
  version: r.version,
  format: r.format,
  sourceUri: r.source_uri,
  root: r.root,
  labelMap: r.label_map,
  importSkipped: r.import_skipped,
  itemCount: r.item_count,
  itemsDone: r.items_done,
  status: r.status,
  datasetVersionId: r.dataset_version_id,
  createdAt: toDate(r.created_at),
  finishedAt: toDateOrNull(r.finished_at),
});

const itemFromRow = (r: ItemRow): WorkItem => ({
  planId: r.plan_id,
  shardIndex: r.shard_index,
  entries: r.entries,
  status: r.status,
  claimedBy: r.claimed_by,
  leaseUntil: toDateOrNull(r.lease_until),
  attempt: r.attempt,
  doneBy: r.done_by,
  result: r.result,
  finishedAt: toDateOrNull(r.finished_at),
});

// Leases use the database's clock, so replicas with skewed clocks agree on when one ran out.
const LEASE_END = `clock_timestamp() + $4::double precision * interval '1 millisecond'`;

/**
 * Work records of distributed ingestion: plans, their items, claims with leases, and the atomic "last item"
 * check that lets exactly one replica register the dataset version.
 */
export class IngestionWorkRepository {
  constructor(private readonly q: Queryable) {}

  /** One plan per (datasetName, version): a repeat returns the stored plan with created=false. */
  async createPlan(input: NewIngestionPlan): Promise<{ plan: IngestionPlan; created: boolean }> {
    return this.q.transaction(async (tx) => {
      const [row] = await tx.query<PlanRow>(
        `INSERT INTO ingestion_plans (id, dataset_name, version, format, source_uri, root, label_map, import_skipped, item_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)
         ON CONFLICT (dataset_name, version) DO NOTHING RETURNING *`,
        [
          newId(),
          input.datasetName,
          input.version,
          input.format,
          input.sourceUri,
          input.root,
          toJsonParam(input.labelMap),
          toJsonParam(input.importSkipped ?? []),
          input.items.length,
        ],
      );
      if (!row) {
        const existing = await new IngestionWorkRepository(tx).findPlan(input.datasetName, input.version);
        if (!existing) throw new Error(`ingestion plan ${input.datasetName}@${input.version} neither inserted nor found`);
        return { plan: existing, created: false };
      }
      for (const [shardIndex, entries] of input.items.entries()) {
        await tx.query('INSERT INTO ingestion_work_items (plan_id, shard_index, entries) VALUES ($1, $2, $3::jsonb)', [
          row.id,
          shardIndex,
          toJsonParam(entries),
        ]);
      }
      return { plan: planFromRow(row), created: true };
    });
  }

  async getPlan(id: string): Promise<IngestionPlan | null> {
    const [row] = await this.q.query<PlanRow>('SELECT * FROM ingestion_plans WHERE id = $1', [id]);
    return row ? planFromRow(row) : null;
  }

  async findPlan(datasetName: string, version: string): Promise<IngestionPlan | null> {
    const [row] = await this.q.query<PlanRow>('SELECT * FROM ingestion_plans WHERE dataset_name = $1 AND version = $2', [datasetName, version]);
    return row ? planFromRow(row) : null;
  }

  /** Removes a plan and its items (a finished plan whose dataset version was deleted, before re-planning). */
  async deletePlan(id: string): Promise<void> {
    await this.q.query('DELETE FROM ingestion_plans WHERE id = $1', [id]);
  }

  /** Every item of a plan in shard order. */
  async listItems(planId: string): Promise<WorkItem[]> {
    const rows = await this.q.query<ItemRow>('SELECT * FROM ingestion_work_items WHERE plan_id = $1 ORDER BY shard_index', [planId]);
    return rows.map(itemFromRow);
  }

  /** Shard indexes not done yet (to publish again when a planner died half-way). */
  async openItems(planId: string): Promise<number[]> {
    const rows = await this.q.query<{ shard_index: number }>(
      "SELECT shard_index FROM ingestion_work_items WHERE plan_id = $1 AND status <> 'done' ORDER BY shard_index",
      [planId],
    );
    return rows.map((r) => r.shard_index);
  }

  /** Claims a pending item, or one whose lease ran out, for `worker` until `leaseMs` from now. */
  async claimItem(planId: string, shardIndex: number, worker: string, leaseMs: number): Promise<ClaimResult> {
    const [row] = await this.q.query<ItemRow>(
      `UPDATE ingestion_work_items SET status = 'claimed', claimed_by = $3, lease_until = ${LEASE_END}, attempt = attempt + 1
       WHERE plan_id = $1 AND shard_index = $2 AND (status = 'pending' OR (status = 'claimed' AND lease_until < clock_timestamp()))
       RETURNING *`,
      [planId, shardIndex, worker, leaseMs],
    );
    if (row) return { outcome: 'claimed', item: itemFromRow(row) };
    const [current] = await this.q.query<ItemRow>('SELECT * FROM ingestion_work_items WHERE plan_id = $1 AND shard_index = $2', [planId, shardIndex]);
    if (!current) return { outcome: 'missing' };
    if (current.status === 'done') return { outcome: 'done' };
    // Claimed with a lease that had not run out when the update looked (pending cannot be left unclaimed above).
    return { outcome: 'held', claimedBy: current.claimed_by ?? '', leaseUntil: toDate(current.lease_until ?? new Date()) };
  }

  /** Extends the worker's lease; false when the item is no longer its claim (lease lost, or done). */
  async renewLease(planId: string, shardIndex: number, worker: string, leaseMs: number): Promise<boolean> {
    const rows = await this.q.query(
      `UPDATE ingestion_work_items SET lease_until = ${LEASE_END}
       WHERE plan_id = $1 AND shard_index = $2 AND status = 'claimed' AND claimed_by = $3 RETURNING shard_index`,
      [planId, shardIndex, worker, leaseMs],
    );
    return rows.length === 1;
  }

  /**
   * Marks the worker's claimed item done with its result and counts it on the plan, in one transaction.
   * `last` is true for exactly one caller per plan: the increment happens under the plan row's lock, so two
   * replicas finishing the last two items at once see different counts. completed=false when the item was not
   * (or no longer) this worker's claim: its result is dropped.
   */
  async completeItem(planId: string, shardIndex: number, worker: string, result: JsonObject): Promise<{ completed: boolean; last: boolean }> {
    return this.q.transaction(async (tx) => {
      const marked = await tx.query(
        `UPDATE ingestion_work_items SET status = 'done', done_by = $3, result = $4::jsonb, lease_until = NULL, finished_at = clock_timestamp()
         WHERE plan_id = $1 AND shard_index = $2 AND status = 'claimed' AND claimed_by = $3 RETURNING shard_index`,
        [planId, shardIndex, worker, toJsonParam(result)],
      );
      if (marked.length === 0) return { completed: false, last: false };
      const [plan] = await tx.query<{ items_done: number; item_count: number }>(
        'UPDATE ingestion_plans SET items_done = items_done + 1 WHERE id = $1 RETURNING items_done, item_count',
        [planId],
      );
      return { completed: true, last: !!plan && plan.items_done === plan.item_count };
    });
  }

  /** running -> registered with the stored dataset version; false when the plan was not running. */
  async markRegistered(planId: string, datasetVersionId: string): Promise<boolean> {
    const rows = await this.q.query(
      "UPDATE ingestion_plans SET status = 'registered', dataset_version_id = $2 WHERE id = $1 AND status = 'running' RETURNING id",
      [planId, datasetVersionId],
    );
    return rows.length === 1;
  }

  /** registered -> completed once features.ready is published; false when it was not registered. */
  async markCompleted(planId: string): Promise<boolean> {
    const rows = await this.q.query(
      "UPDATE ingestion_plans SET status = 'completed', finished_at = clock_timestamp() WHERE id = $1 AND status = 'registered' RETURNING id",
      [planId],
    );
    return rows.length === 1;
  }
}
