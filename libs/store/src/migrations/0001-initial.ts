import type { Migration } from './migration';

// Ids are text (uuids made in TS); configs, metrics and lineage are jsonb; times are timestamptz (defaults use
// clock_timestamp(), not now(), so rows of one transaction get their own times). Listed tables carry `seq`, an
// identity that orders rows by insertion: timestamps tie (PGlite's clock has millisecond resolution) and
// keyset pagination needs a unique order.
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: /* sql */ `
CREATE TABLE datasets (
  name text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE dataset_versions (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  dataset_name text NOT NULL REFERENCES datasets (name) ON DELETE CASCADE,
  version text NOT NULL, -- content hash of the manifest: the same corpus content is the same version
  format text NOT NULL,
  source_uri text NOT NULL,
  label_map jsonb NOT NULL DEFAULT '{}',
  utterance_count integer NOT NULL DEFAULT 0,
  class_counts jsonb NOT NULL DEFAULT '{}',
  speaker_counts jsonb NOT NULL DEFAULT '{}',
  ingestion_report jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (dataset_name, version)
);
CREATE INDEX dataset_versions_by_dataset ON dataset_versions (dataset_name, seq);

CREATE TABLE utterances (
  dataset_version_id text NOT NULL REFERENCES dataset_versions (id) ON DELETE CASCADE,
  utterance_id text NOT NULL,
  path text NOT NULL,
  duration_s double precision NOT NULL,
  label text, -- null for unlabelled corpora (pre-training)
  speaker text,
  session text,
  gender text,
  content_hash text NOT NULL,
  features_key text,
  split text,
  PRIMARY KEY (dataset_version_id, utterance_id)
);

CREATE TABLE runs (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  kind text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  progress double precision NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
  config jsonb NOT NULL DEFAULT '{}',
  metrics jsonb NOT NULL DEFAULT '{}',
  lineage jsonb NOT NULL DEFAULT '{}',
  error text,
  claimed_by text,
  attempt integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX runs_by_kind_status ON runs (kind, status, seq);

-- Curves: one value per (metric, epoch); re-recording an epoch after a resume overwrites it.
CREATE TABLE run_metrics (
  run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  name text NOT NULL,
  epoch integer NOT NULL,
  value double precision NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (run_id, name, epoch)
);

CREATE TABLE checkpoints (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  epoch integer NOT NULL,
  artifact_key text NOT NULL,
  metrics jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX checkpoints_by_run ON checkpoints (run_id, epoch, seq);

CREATE TABLE model_versions (
  id text PRIMARY KEY,
  model_name text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  run_id text REFERENCES runs (id) ON DELETE SET NULL,
  metrics jsonb NOT NULL DEFAULT '{}',
  lineage jsonb NOT NULL DEFAULT '{}',
  artifact_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (model_name, version)
);

CREATE TABLE model_aliases (
  model_name text NOT NULL,
  alias text NOT NULL,
  version_id text NOT NULL REFERENCES model_versions (id) ON DELETE CASCADE,
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (model_name, alias)
);

CREATE TABLE predictions (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  model_version_id text NOT NULL REFERENCES model_versions (id) ON DELETE CASCADE,
  input_hash text NOT NULL,
  label text NOT NULL,
  probabilities jsonb NOT NULL,
  latency_ms double precision NOT NULL,
  source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX predictions_by_model ON predictions (model_version_id, seq);
CREATE INDEX predictions_by_time ON predictions (created_at);

-- Idempotent consumers: an event id is recorded once per consumer, in the transaction that stores its effect.
CREATE TABLE processed_events (
  consumer text NOT NULL,
  event_id text NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (consumer, event_id)
);

CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
`,
};
