export { TOPICS, TOPIC_SCHEMAS, EVENT_TYPES, CORPUS_FORMATS, RUN_KINDS, RUN_STATUSES, isTopic } from './topics';
export type { Topic, TopicData, EventType, CorpusFormat, RunKind, RunStatus } from './topics';
export { CLOUDEVENTS_CONTENT_TYPE, createEnvelope, decodeEnvelope, type Envelope, type Decoded } from './envelope';
export { PoisonMessageError, InvalidEventError } from './errors';
export { BUS_DEFAULTS } from './event-bus';
export type { EventBus, BusOptions, PublishOptions, SubscribeOptions, Subscription, MessageMeta, EventHandler } from './event-bus';
export { createInProcessBus, type InProcessBus, type InProcessBusOptions } from './in-process-bus';
export { KafkaEventBus, type KafkaBusConfig } from './kafka-bus';
export type { ConsumerTuning } from './kafka-subscription';
