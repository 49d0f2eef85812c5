import type { Migration } from './migration';

// A corpus ingestion split into work items so several features replicas share one corpus (Kafka consumer group).
// The plan row is the unit of "exactly once": items_done is incremented under the row's lock, so exactly one
// replica sees it reach item_count and registers the dataset version. A claim carries a lease (database clock),
// so an item whose replica died is claimed again once the lease runs out.
export const ingestionWork: Migration = {
  version: 2,
  name: 'ingestion-work',
  sql: /* sql */ `
CREATE TABLE ingestion_plans (
  id text PRIMARY KEY,
  dataset_name text NOT NULL,
  version text NOT NULL, -- manifest content hash, as dataset_versions.version
  format text NOT NULL,
  source_uri text NOT NULL,
  root text NOT NULL, -- confined real directory the items' paths are relative to
  label_map jsonb NOT NULL DEFAULT '{}',
  import_skipped jsonb NOT NULL DEFAULT '[]', -- files the importer left out, with their reasons
  item_count integer NOT NULL CHECK (item_count >= 0),
  items_done integer NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'registered', 'completed')),
  dataset_version_id text REFERENCES dataset_versions (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  finished_at timestamptz,
  UNIQUE (dataset_name, version),
  CHECK (items_done <= item_count)
);

CREATE TABLE ingestion_work_items (
  plan_id text NOT NULL REFERENCES ingestion_plans (id) ON DELETE CASCADE,
  shard_index integer NOT NULL,
  entries jsonb NOT NULL, -- the manifest entries of this shard
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'claimed', 'done')),
  claimed_by text,
  lease_until timestamptz,
  attempt integer NOT NULL DEFAULT 0,
  done_by text,
  result jsonb, -- utterances and skipped files of the shard, once done
  finished_at timestamptz,
  PRIMARY KEY (plan_id, shard_index)
);
`,
};
