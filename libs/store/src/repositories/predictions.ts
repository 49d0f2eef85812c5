import type { Queryable } from '../db/db';
import { newId, toDate, toJsonParam } from '../json';
import { paginate, type Page, type PageArgs } from '../paging';

export interface Prediction {
  id: string;
  modelVersionId: string;
  /** Hash of the input audio: repeated inputs are visible without storing audio. */
  inputHash: string;
  label: string;
  /** Class -> probability. */
  probabilities: Record<string, number>;
  latencyMs: number;
  /** Which path served it, e.g. `unary`, `stream`, `batch`. */
  source: string;
  createdAt: Date;
}

export type NewPrediction = Omit<Prediction, 'id' | 'createdAt'> & { id?: string };

export interface PredictionFilter {
  modelVersionId?: string;
  /** Any version of this model. */
  modelName?: string;
  label?: string;
  /** Made at or after this time. */
  since?: Date;
}

interface PredictionRow {
  id: string;
  model_version_id: string;
  input_hash: string;
  label: string;
  probabilities: Record<string, number>;
  latency_ms: number;
  source: string;
  created_at: Date;
}

const fromRow = (r: PredictionRow): Prediction => ({
  id: r.id,
  modelVersionId: r.model_version_id,
  inputHash: r.input_hash,
  label: r.label,
  probabilities: r.probabilities,
  latencyMs: r.latency_ms,
  source: r.source,
  createdAt: toDate(r.created_at),
});

export class PredictionRepository {
  constructor(private readonly q: Queryable) {}

  async record(input: NewPrediction): Promise<Prediction> {
    const [row] = await this.q.query<PredictionRow>(
      `INSERT INTO predictions (id, model_version_id, input_hash, label, probabilities, latency_ms, source)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING *`,
      [input.id ?? newId(), input.modelVersionId, input.inputHash, input.label, toJsonParam(input.probabilities), input.latencyMs, input.source],
    );
    return fromRow(row!);
  }

  async get(id: string): Promise<Prediction | null> {
    const [row] = await this.q.query<PredictionRow>('SELECT * FROM predictions WHERE id = $1', [id]);
    return row ? fromRow(row) : null;
  }

  /** Newest first. */
  list(filter: PredictionFilter = {}, paging: PageArgs = {}): Promise<Page<Prediction>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (condition: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (filter.modelVersionId !== undefined) add((p) => `p.model_version_id = ${p}`, filter.modelVersionId);
    if (filter.modelName !== undefined) add((p) => `p.model_version_id IN (SELECT id FROM model_versions WHERE model_name = ${p})`, filter.modelName);
    if (filter.label !== undefined) add((p) => `p.label = ${p}`, filter.label);
    if (filter.since !== undefined) add((p) => `p.created_at >= ${p}::timestamptz`, filter.since.toISOString());
    return paginate(
      this.q,
      {
        name: 'predictions',
        columns: 'p.*',
        from: 'predictions p',
        where,
        params,
        order: [{ column: 'p.seq', type: 'bigint' }],
        direction: 'desc',
      },
      paging,
      fromRow,
    );
  }
}
