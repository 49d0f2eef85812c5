import { PoisonMessageError, TOPICS, type Envelope, type EventBus, type MessageMeta, type Subscription } from '@ser/events';
import { DomainError } from '@ser/grpc-kit';
import type { Logger } from '@ser/logging';
import type { MetadataStore } from '@ser/store';
import type { IngestionPlanner } from './ingestion-planner';
import type { Ingestor } from './ingestor';

const CONSUMER = 'features.corpus-published';

/**
 * Consumes `ser.corpus.published`: a data engineer's announcement of a corpus to ingest. The corpus is scanned and
 * planned here, and its shards published as work items that every replica shares (ingestion-planner.ts).
 *
 * Error policy: an event whose data fails its schema is dead-lettered by the bus; one naming a location this
 * service may not read (missing, outside the corpus roots) is poison and dead-lettered with the reason; other
 * failures are retried by the bus, then dead-lettered. An event id already processed is skipped (redelivery),
 * and the same content published again makes no new version (the version is the manifest's hash). The id is
 * marked processed only after the plan is stored and its items published, so a crash mid-planning redelivers the
 * event (planning again publishes the items not done yet).
 */
export class CorpusPublishedConsumer {
  private subscription?: Subscription;

  private constructor(
    private readonly bus: EventBus,
    private readonly store: MetadataStore,
    private readonly ingestor: Ingestor,
    private readonly planner: IngestionPlanner,
    private readonly logger: Logger,
  ) {}

  static fromConfig(deps: { bus: EventBus; store: MetadataStore; ingestor: Ingestor; planner: IngestionPlanner; logger: Logger }): CorpusPublishedConsumer {
    return new CorpusPublishedConsumer(deps.bus, deps.store, deps.ingestor, deps.planner, deps.logger.child({ consumer: CONSUMER }));
  }

  async start(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      groupId: 'features',
      topics: [TOPICS.corpusPublished],
      // Until the group has committed an offset on a partition, a replica taking it over (its first owner died before
      // committing) must start at the oldest event, not the newest: else the uncommitted announcement is lost.
      // Events seen before are skipped by id and by content version, so a replay costs a scan, never a new version.
      fromBeginning: true,
      handler: (event, meta) => this.handle(event as Envelope<typeof TOPICS.corpusPublished>, meta),
    });
  }

  /** Resolves when the consumer stops; rejects when it dies on its own (the service then exits unhealthy). */
  get done(): Promise<void> {
    return this.subscription?.done ?? Promise.resolve();
  }

  async shutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  private async handle(event: Envelope<typeof TOPICS.corpusPublished>, meta: MessageMeta): Promise<void> {
    const log = this.logger.child({ topic: meta.topic, partition: meta.partition, offset: meta.offset, eventId: event.id });
    if (await this.store.processedEvents.isProcessed(CONSUMER, event.id)) {
      log.info('event already processed: skipped');
      return;
    }
    const { corpusName, format, uri, labelMap } = event.data;
    try {
      this.ingestor.validate({ corpusName, format, uri, labelMap });
    } catch (err) {
      if (err instanceof DomainError) throw new PoisonMessageError(`corpus '${corpusName}': ${err.message}`);
      throw err;
    }
    const outcome = await this.planner.plan({ corpusName, format, uri, labelMap }, log);
    await this.store.processedEvents.markProcessed(CONSUMER, event.id);
    if (outcome.kind === 'exists') log.info({ datasetVersionId: outcome.version.id }, 'corpus already ingested: nothing to do');
    else log.info({ planId: outcome.plan.id, items: outcome.plan.itemCount, published: outcome.published }, 'corpus planned');
  }
}
