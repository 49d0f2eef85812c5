import type { Queryable } from '../db/db';
import { invalidArgument } from '../errors';
import { newId, toDate, toJsonParam, type JsonObject } from '../json';
import { paginate, type Page, type PageArgs } from '../paging';
import { utteranceFromRow, utteranceParams, UTTERANCE_COLUMNS, type NewUtterance, type Utterance, type UtteranceRow } from './utterances';

export interface Dataset {
  name: string;
  createdAt: Date;
}

export interface DatasetVersion {
  id: string;
  datasetName: string;
  /** Content hash of the manifest: the same corpus content is the same version. */
  version: string;
  format: string;
  sourceUri: string;
  /** Corpus label -> platform class (e.g. IEMOCAP `exc` -> `happy`). */
  labelMap: Record<string, string>;
  utteranceCount: number;
  classCounts: Record<string, number>;
  speakerCounts: Record<string, number>;
  ingestionReport: JsonObject;
  createdAt: Date;
}

export type NewDatasetVersion = Pick<DatasetVersion, 'datasetName' | 'version' | 'format' | 'sourceUri' | 'utteranceCount'> &
  Partial<Pick<DatasetVersion, 'labelMap' | 'classCounts' | 'speakerCounts' | 'ingestionReport'>>;

export interface UtteranceFilter {
  label?: string;
  split?: string;
}

interface DatasetVersionRow {
  id: string;
  dataset_name: string;
  version: string;
  format: string;
  source_uri: string;
  label_map: Record<string, string>;
  utterance_count: number;
  class_counts: Record<string, number>;
  speaker_counts: Record<string, number>;
  ingestion_report: JsonObject;
  created_at: Date;
}

const fromRow = (r: DatasetVersionRow): DatasetVersion => ({
  id: r.id,
  datasetName: r.dataset_name,
  version: r.version,
  format: r.format,
  sourceUri: r.source_uri,
  labelMap: r.label_map,
  utteranceCount: r.utterance_count,
  classCounts: r.class_counts,
  speakerCounts: r.speaker_counts,
  ingestionReport: r.ingestion_report,
  createdAt: toDate(r.created_at),
});

// 11 parameters a row: 500 rows stay far below PostgreSQL's 65535-parameter limit and keep statements small.
const UTTERANCE_BATCH = 500;

export class DatasetRepository {
  constructor(private readonly q: Queryable) {}

  /** Registers a dataset version once per (datasetName, version); a repeat returns the stored one, created=false. */
  async registerVersion(input: NewDatasetVersion): Promise<{ version: DatasetVersion; created: boolean }> {
    return this.q.transaction(async (tx) => {
      await tx.query('INSERT INTO datasets (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [input.datasetName]);
      const [inserted] = await tx.query<DatasetVersionRow>(
        `INSERT INTO dataset_versions (id, dataset_name, version, format, source_uri, label_map, utterance_count,
           class_counts, speaker_counts, ingestion_report)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9::jsonb, $10::jsonb)
         ON CONFLICT (dataset_name, version) DO NOTHING
         RETURNING *`,
        [
          newId(),
          input.datasetName,
          input.version,
          input.format,
          input.sourceUri,
          toJsonParam(input.labelMap),
          input.utteranceCount,
          toJsonParam(input.classCounts),
          toJsonParam(input.speakerCounts),
          toJsonParam(input.ingestionReport),
        ],
      );
      if (inserted) return { version: fromRow(inserted), created: true };
      const existing = await new DatasetRepository(tx).findVersion(input.datasetName, input.version);
      if (!existing) throw new Error(`dataset version ${input.datasetName}@${input.version} neither inserted nor found`);
      return { version: existing, created: false };
    });
  }

  /** Upserts utterances in multi-row batches, all or none; returns how many were written. */
  async addUtterances(datasetVersionId: string, utterances: readonly NewUtterance[]): Promise<number> {
    if (utterances.length === 0) return 0;
    const ids = new Set(utterances.map((u) => u.utteranceId));
    // PostgreSQL refuses to upsert one key twice in a statement; say which input is wrong instead.
    if (ids.size !== utterances.length) throw invalidArgument(`addUtterances: duplicate utterance ids in ${datasetVersionId}`);
    return this.q.transaction(async (tx) => {
      let written = 0;
      for (let start = 0; start < utterances.length; start += UTTERANCE_BATCH) {
        const batch = utterances.slice(start, start + UTTERANCE_BATCH);
        const params: unknown[] = [];
        const tuples = batch.map((u) => {
          const values = utteranceParams(datasetVersionId, u);
          const placeholders = values.map((_, i) => `$${params.length + i + 1}`);
          params.push(...values);
          return `(${placeholders.join(', ')})`;
        });
        const updates = UTTERANCE_COLUMNS.slice(2).map((c) => `${c} = excluded.${c}`);
        const rows = await tx.query(
          `INSERT INTO utterances (${UTTERANCE_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}
           ON CONFLICT (dataset_version_id, utterance_id) DO UPDATE SET ${updates.join(', ')}
           RETURNING utterance_id`,
          params,
        );
        written += rows.length;
      }
      return written;
    });
  }

  async getVersion(id: string): Promise<DatasetVersion | null> {
    const [row] = await this.q.query<DatasetVersionRow>('SELECT * FROM dataset_versions WHERE id = $1', [id]);
    return row ? fromRow(row) : null;
  }

  async findVersion(datasetName: string, version: string): Promise<DatasetVersion | null> {
    const [row] = await this.q.query<DatasetVersionRow>('SELECT * FROM dataset_versions WHERE dataset_name = $1 AND version = $2', [datasetName, version]);
    return row ? fromRow(row) : null;
  }

  /** The most recently registered version of a dataset. */
  async latestVersion(datasetName: string): Promise<DatasetVersion | null> {
    const [row] = await this.q.query<DatasetVersionRow>('SELECT * FROM dataset_versions WHERE dataset_name = $1 ORDER BY seq DESC LIMIT 1', [datasetName]);
    return row ? fromRow(row) : null;
  }

  /** A dataset by name, or null when none of that name was registered. */
  async get(name: string): Promise<Dataset | null> {
    const [row] = await this.q.query<{ name: string; created_at: Date }>('SELECT * FROM datasets WHERE name = $1', [name]);
    return row ? { name: row.name, createdAt: toDate(row.created_at) } : null;
  }

  /** Datasets by name. */
  list(paging: PageArgs = {}): Promise<Page<Dataset>> {
    return paginate<{ name: string; created_at: Date }, Dataset>(
      this.q,
      { name: 'datasets', columns: '*', from: 'datasets', where: [], params: [], order: [{ column: 'name', type: 'text' }], direction: 'asc' },
      paging,
      (r) => ({ name: r.name, createdAt: toDate(r.created_at) }),
    );
  }

  /** Versions of one dataset, newest first. */
  listVersions(datasetName: string, paging: PageArgs = {}): Promise<Page<DatasetVersion>> {
    return paginate(
      this.q,
      {
        name: 'dataset_versions',
        columns: '*',
        from: 'dataset_versions',
        where: ['dataset_name = $1'],
        params: [datasetName],
        order: [{ column: 'seq', type: 'bigint' }],
        direction: 'desc',
      },
      paging,
      fromRow,
    );
  }

  /** One utterance of a version, or null when the version has no such id. */
  async findUtterance(datasetVersionId: string, utteranceId: string): Promise<Utterance | null> {
    const [row] = await this.q.query<UtteranceRow>('SELECT * FROM utterances WHERE dataset_version_id = $1 AND utterance_id = $2', [
      datasetVersionId,
      utteranceId,
    ]);
    return row ? utteranceFromRow(row) : null;
  }

  /** Utterances of a version by utterance id, optionally one label or split. */
  listUtterances(datasetVersionId: string, paging: PageArgs = {}, filter: UtteranceFilter = {}): Promise<Page<Utterance>> {
    const where = ['dataset_version_id = $1'];
    const params: unknown[] = [datasetVersionId];
    for (const [column, value] of [
      ['label', filter.label],
      ['split', filter.split],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    return paginate<UtteranceRow, Utterance>(
      this.q,
      { name: 'utterances', columns: '*', from: 'utterances', where, params, order: [{ column: 'utterance_id', type: 'text' }], direction: 'asc' },
      paging,
      utteranceFromRow,
    );
  }
}
