import type { Queryable } from '../db/db';
import { newId, toDate, toJsonParam, type JsonObject } from '../json';

export interface Checkpoint {
  id: string;
  runId: string;
  epoch: number;
  /** Where the weights are in the artifact store. */
  artifactKey: string;
  metrics: JsonObject;
  createdAt: Date;
}

export type NewCheckpoint = Pick<Checkpoint, 'runId' | 'epoch' | 'artifactKey'> & { metrics?: JsonObject; id?: string };

interface CheckpointRow {
  id: string;
  run_id: string;
  epoch: number;
  artifact_key: string;
  metrics: JsonObject;
  created_at: Date;
}

const fromRow = (r: CheckpointRow): Checkpoint => ({
  id: r.id,
  runId: r.run_id,
  epoch: r.epoch,
  artifactKey: r.artifact_key,
  metrics: r.metrics,
  createdAt: toDate(r.created_at),
});

export class CheckpointRepository {
  constructor(private readonly q: Queryable) {}

  async add(input: NewCheckpoint): Promise<Checkpoint> {
    const [row] = await this.q.query<CheckpointRow>(
      'INSERT INTO checkpoints (id, run_id, epoch, artifact_key, metrics) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING *',
      [input.id ?? newId(), input.runId, input.epoch, input.artifactKey, toJsonParam(input.metrics)],
    );
    return fromRow(row!);
  }

  async get(id: string): Promise<Checkpoint | null> {
    const [row] = await this.q.query<CheckpointRow>('SELECT * FROM checkpoints WHERE id = $1', [id]);
    return row ? fromRow(row) : null;
  }

  /** The highest epoch (the newest among equal epochs): where a resumed run continues. */
  async latestForRun(runId: string): Promise<Checkpoint | null> {
    const [row] = await this.q.query<CheckpointRow>('SELECT * FROM checkpoints WHERE run_id = $1 ORDER BY epoch DESC, seq DESC LIMIT 1', [runId]);
    return row ? fromRow(row) : null;
  }

  /** Oldest epoch first. */
  async listForRun(runId: string): Promise<Checkpoint[]> {
    const rows = await this.q.query<CheckpointRow>('SELECT * FROM checkpoints WHERE run_id = $1 ORDER BY epoch, seq', [runId]);
    return rows.map(fromRow);
  }
}
