import { z } from 'zod';

/** Kafka topic names (logical: a bus may prepend a `topicPrefix`, e.g. per environment or per test). */
export const TOPICS = {
  corpusPublished: 'ser.corpus.published',
  featuresReady: 'ser.features.ready',
  /** One shard of a corpus ingestion, for whichever features replica owns its partition. */
  featuresWork: 'ser.features.work',
  checkpointSaved: 'ser.checkpoint.saved',
  runStatus: 'ser.run.status',
  modelAliasMoved: 'ser.model.alias.moved',
  deadLetter: 'ser.dead-letter',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export const CORPUS_FORMATS = ['iemocap', 'ravdess', 'crema-d', 'emodb', 'tess', 'urdu', 'manifest', 'unlabelled'] as const;
export const RUN_KINDS = ['fop-pretrain', 'vqvae-pretrain', 'classifier'] as const;
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

export type CorpusFormat = (typeof CORPUS_FORMATS)[number];
export type RunKind = (typeof RUN_KINDS)[number];
export type RunStatus = (typeof RUN_STATUSES)[number];

const id = z.string().min(1);
const metrics = z.record(z.string(), z.number());
const count = z.number().int().nonnegative();
const version = z.number().int().positive();

/**
 * One data schema per topic. Unknown fields are dropped (not rejected) so an older consumer
 * keeps working when a producer adds an optional field; a breaking change gets a new `.vN` type.
 * Titles and descriptions are part of the contract: they go into the JSON Schemas under `schemas/`
 * (`npm run schemas:gen`) that producers in other languages validate against.
 */
export const TOPIC_SCHEMAS = {
  [TOPICS.corpusPublished]: z
    .object({
      corpusName: id.describe('Name of the corpus; each ingestion of it becomes a new dataset version.'),
      format: z.enum(CORPUS_FORMATS).describe('Layout of the corpus, i.e. which importer reads it.'),
      uri: id.describe('Where the corpus lies: a directory path, file:// or s3:// URI, or a manifest file.'),
      labelMap: z
        .record(z.string(), z.string())
        .optional()
        .describe("Corpus label -> platform emotion label (e.g. 'exc' -> 'happy' for IEMOCAP's 4-class setup)."),
      requestedBy: z.string().optional().describe('Who asked for the ingestion (free text, for the audit trail).'),
    })
    .meta({ title: 'Corpus published', description: 'A corpus is ready to be ingested by the features service.' }),
  [TOPICS.featuresReady]: z
    .object({
      datasetId: id.describe('Id of the dataset version whose features are stored.'),
      datasetVersion: id.describe("Content hash of the version's manifest."),
      corpusName: id,
      utteranceCount: count,
      skippedCount: count.describe('Files of the corpus that could not be read (listed in the ingestion report).'),
    })
    .meta({ title: 'Features ready', description: "A corpus's features are stored as a dataset version." }),
  [TOPICS.featuresWork]: z
    .object({
      planId: id.describe("Ingestion plan in the metadata store; the item's entries are stored there, not carried here."),
      shardIndex: count,
      shardCount: z.number().int().positive(),
      corpusName: id,
      datasetVersion: id.describe('Content hash of the corpus manifest (the dataset version being built).'),
    })
    .meta({ title: 'Features work', description: 'One shard of a corpus ingestion, for whichever features replica owns its partition (internal).' }),
  [TOPICS.checkpointSaved]: z
    .object({
      runId: id,
      runKind: z.enum(RUN_KINDS),
      checkpointId: id,
      epoch: count,
      artifactKey: id.describe('Key of the checkpoint in the artifact store.'),
      metrics,
    })
    .meta({ title: 'Checkpoint saved', description: 'A training run stored a checkpoint.' }),
  [TOPICS.runStatus]: z
    .object({
      runId: id,
      runKind: z.enum(RUN_KINDS),
      status: z.enum(RUN_STATUSES),
      progress: z.number().min(0).max(1).describe('Fraction of the run done, 0 to 1.'),
      message: z.string().optional(),
      metrics: metrics.optional(),
    })
    .meta({ title: 'Run status', description: "A training run's status or progress changed." }),
  [TOPICS.modelAliasMoved]: z
    .object({
      modelName: id,
      alias: id.describe("Alias that moved, e.g. 'production'."),
      version: version.describe('Model version the alias points to now.'),
      previousVersion: version.optional().describe('Model version it pointed to before; absent when the alias is new.'),
    })
    .meta({ title: 'Model alias moved', description: 'A model alias (e.g. production) points to another version.' }),
  [TOPICS.deadLetter]: z
    .object({
      originalTopic: z.string().describe('Logical topic the message was read from.'),
      partition: z.number().int().nonnegative().optional(),
      offset: z.string().optional(),
      groupId: z.string().optional().describe('Consumer group that gave up on the message (each group dead-letters on its own).'),
      reason: z.string(),
      payload: z.string().describe('The message value as received (UTF-8), so it can be inspected and replayed.'),
      payloadTruncated: z.boolean().optional().describe('True when `payload` holds only the start of a value too large to copy whole.'),
      headers: z.record(z.string(), z.string()).optional().describe('The Kafka headers as received (UTF-8), e.g. the ce_* attributes of a binary-mode event.'),
    })
    .meta({ title: 'Dead letter', description: 'A message a consumer group gave up on, with the reason.' }),
} satisfies Record<Topic, z.ZodType>;

/** CloudEvents `type` of each topic's events; the suffix is the schema version. */
export const EVENT_TYPES = {
  [TOPICS.corpusPublished]: 'ser.corpus.published.v1',
  [TOPICS.featuresReady]: 'ser.features.ready.v1',
  [TOPICS.featuresWork]: 'ser.features.work.v1',
  [TOPICS.checkpointSaved]: 'ser.checkpoint.saved.v1',
  [TOPICS.runStatus]: 'ser.run.status.v1',
  [TOPICS.modelAliasMoved]: 'ser.model.alias.moved.v1',
  [TOPICS.deadLetter]: 'ser.dead-letter.v1',
} as const satisfies Record<Topic, string>;

export type TopicData<T extends Topic> = z.output<(typeof TOPIC_SCHEMAS)[T]>;
export type EventType<T extends Topic> = (typeof EVENT_TYPES)[T];

const ALL_TOPICS = new Set<string>(Object.values(TOPICS));

export function isTopic(name: string): name is Topic {
  return ALL_TOPICS.has(name);
}

/**
 * URI of a topic's data schema: the CloudEvents `dataschema` attribute of its events and the `$id` of
 * its JSON Schema, committed as `schemas/<event type>.json`. A URN, not a URL: it names the schema
 * version without promising a server; the committed file is where it lives.
 */
export function dataSchemaUri(topic: Topic): string {
  return `urn:ser:schema:${EVENT_TYPES[topic]}`;
}
