// What the ingestion fault tests share: a small demo corpus, and exactly-once counts read straight from PostgreSQL
// (not through the repositories under test).
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import pg from 'pg';
import { generateDemoCorpus } from '@ser/demo-corpus';
import { KafkaEventBus, TOPICS } from '@ser/events';
import { createLogger } from '@ser/logging';

/** A few dozen synthetic utterances (source-filter voice: no espeak-ng needed); returns their corpus-relative paths. */
export async function writeSmallDemoCorpus(outDir: string, speakers = 2, utterancesPerEmotion = 3): Promise<string[]> {
  await generateDemoCorpus({ outDir, speakers, utterancesPerEmotion, useEspeak: false, seed: 16 });
  const wavs: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.wav')) wavs.push(relative(outDir, join(dir, entry.name)));
    }
  };
  walk(outDir);
  return wavs.sort();
}

export interface RegisteredCounts {
  /** Dataset versions registered for the corpus (one expected). */
  versions: number;
  /** Utterance rows over every version of the corpus. */
  rows: number;
  /** Expected files with no row. */
  lost: number;
  /** Rows beyond one per expected file (a second version counts its rows here too). */
  duplicated: number;
}

/** Exactly-once check of one corpus's ingestion in `schema`: every expected path registered once, nothing more. */
export async function countRegistered(databaseUrl: string, schema: string, corpusName: string, expectedPaths: string[]): Promise<RegisteredCounts> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const s = pg.escapeIdentifier(schema);
    const versions = await client.query<{ id: string }>(`SELECT id FROM ${s}.dataset_versions WHERE dataset_name = $1`, [corpusName]);
    const rows = await client.query<{ path: string }>(
      `SELECT u.path FROM ${s}.utterances u JOIN ${s}.dataset_versions v ON v.id = u.dataset_version_id WHERE v.dataset_name = $1`,
      [corpusName],
    );
    const seen = new Set(rows.rows.map((r) => r.path));
    const lost = expectedPaths.filter((p) => !seen.has(p)).length;
    return { versions: versions.rowCount ?? 0, rows: rows.rowCount ?? 0, lost, duplicated: (rows.rowCount ?? 0) - (expectedPaths.length - lost) };
  } finally {
    await client.end();
  }
}

export interface OpenClaim {
  planId: string;
  shardIndex: number;
  claimedBy: string;
}

/** Work items of the corpus's plans that are claimed and not done yet (a replica is computing them). */
export async function openClaims(db: pg.Pool, schema: string, corpusName: string): Promise<OpenClaim[]> {
  const s = pg.escapeIdentifier(schema);
  const { rows } = await db.query<{ plan_id: string; shard_index: number; claimed_by: string }>(
    `SELECT i.plan_id, i.shard_index, i.claimed_by FROM ${s}.ingestion_work_items i JOIN ${s}.ingestion_plans p ON p.id = i.plan_id
     WHERE p.dataset_name = $1 AND i.status = 'claimed' ORDER BY i.shard_index`,
    [corpusName],
  );
  return rows.map((r) => ({ planId: r.plan_id, shardIndex: r.shard_index, claimedBy: r.claimed_by }));
}

export interface PlanProgress {
  status: string;
  itemsDone: number;
  itemCount: number;
}

/** The corpus's ingestion plan as stored (null until planned). */
export async function planProgress(db: pg.Pool, schema: string, corpusName: string): Promise<PlanProgress | null> {
  const { rows } = await db.query<{ status: string; items_done: number; item_count: number }>(
    `SELECT status, items_done, item_count FROM ${pg.escapeIdentifier(schema)}.ingestion_plans WHERE dataset_name = $1`,
    [corpusName],
  );
  return rows[0] ? { status: rows[0].status, itemsDone: rows[0].items_done, itemCount: rows[0].item_count } : null;
}

/** Distinct features.ready events announcing the corpus (a repeated announcement keeps its id), read from the start. */
export async function readyAnnouncements(brokers: string, topicPrefix: string, corpusName: string, settleMs = 5000): Promise<number> {
  const bus = await KafkaEventBus.fromConfig({
    brokers: brokers.split(','),
    clientId: 'ready-counter',
    topicPrefix,
    logger: createLogger('test', { level: 'warn' }),
  });
  const ids = new Set<string>();
  try {
    await bus.subscribe({
      groupId: `ready-counter-${randomUUID().slice(0, 8)}`,
      topics: [TOPICS.featuresReady],
      fromBeginning: true,
      handler: async (e) => void ((e.data as { corpusName: string }).corpusName === corpusName && ids.add(e.id)),
    });
    await new Promise((r) => setTimeout(r, settleMs));
  } finally {
    await bus.close();
  }
  return ids.size;
}
