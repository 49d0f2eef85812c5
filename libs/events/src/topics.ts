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
 */
export const TOPIC_SCHEMAS = {
  [TOPICS.corpusPublished]: z.object({
    corpusName: id,
    format: z.enum(CORPUS_FORMATS),
    /** Where the corpus lies: a directory path, file:// or s3:// URI, or a manifest file. */
    uri: id,
    /** Corpus label -> platform emotion label (e.g. `exc` -> `happy` for IEMOCAP's 4-class setup). */
    labelMap: z.record(z.string(), z.string()).optional(),
    requestedBy: z.string().optional(),
  }),
  [TOPICS.featuresReady]: z.object({
    /** Id of the dataset version whose features are stored. */
    datasetId: id,
    /** Content hash of the version's manifest. */
    datasetVersion: id,
    corpusName: id,
    utteranceCount: count,
    skippedCount: count,
  }),
  [TOPICS.featuresWork]: z.object({
    /** Ingestion plan in the metadata store; the item's entries are stored there, not carried here. */
    planId: id,
    shardIndex: count,
    shardCount: z.number().int().positive(),
    corpusName: id,
    /** Content hash of the corpus manifest (the dataset version being built). */
    datasetVersion: id,
  }),
  [TOPICS.checkpointSaved]: z.object({
    runId: id,
    runKind: z.enum(RUN_KINDS),
    checkpointId: id,
    epoch: count,
    artifactKey: id,
    metrics,
  }),
  [TOPICS.runStatus]: z.object({
    runId: id,
    runKind: z.enum(RUN_KINDS),
    status: z.enum(RUN_STATUSES),
    progress: z.number().min(0).max(1),
    message: z.string().optional(),
    metrics: metrics.optional(),
  }),
  [TOPICS.modelAliasMoved]: z.object({
    modelName: id,
    alias: id,
    version,
    previousVersion: version.optional(),
  }),
  [TOPICS.deadLetter]: z.object({
    /** Logical topic the message was read from. */
    originalTopic: z.string(),
    partition: z.number().int().nonnegative().optional(),
    offset: z.string().optional(),
    /** Consumer group that gave up on the message (each group dead-letters on its own). */
    groupId: z.string().optional(),
    reason: z.string(),
    /** The message value exactly as received (UTF-8), so it can be inspected and replayed. */
    payload: z.string(),
  }),
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
