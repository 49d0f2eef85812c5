import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessBus, TOPICS, type InProcessBus } from '@ser/events';
import { createLogger } from '@ser/logging';
import { CorpusPublishedConsumer } from './corpus-consumer';
import type { IngestionPlanner, PlanOutcome } from './ingestion-planner';

// The first replica that ever receives a corpus announcement can die before committing it (test/faults found this:
// a features replica SIGKILLed while planning). The replica taking over its partition has no committed offset to
// resume from and must still plan the corpus.
describe('CorpusPublishedConsumer', () => {
  let bus: InProcessBus;
  afterEach(() => bus?.close());

  function replica(plan: IngestionPlanner['plan']): CorpusPublishedConsumer {
    return CorpusPublishedConsumer.fromConfig({
      bus,
      store: { processedEvents: { isProcessed: async () => false, markProcessed: async () => {} } } as never,
      ingestor: { validate: () => '/corpora/c' } as never,
      planner: { plan } as IngestionPlanner,
      logger: createLogger('test', { level: 'silent' }),
    });
  }

  it('plans an announcement whose first receiver stopped before committing it', async () => {
    // One partition: the first member owns it until it leaves, the second then takes it over.
    bus = createInProcessBus({ partitions: 1, shutdownGraceMs: 50 });
    let firstReceived = false;
    const first = replica(() => {
      firstReceived = true;
      return new Promise<PlanOutcome>(() => {}); // never finishes: the replica dies mid-planning
    });
    await first.start();
    await bus.publish(TOPICS.corpusPublished, { corpusName: 'c', format: 'urdu', uri: '/corpora/c' }, { key: 'c' });
    await expect.poll(() => firstReceived).toBe(true);

    const planned: string[] = [];
    const second = replica(async (cmd) => {
      planned.push(cmd.corpusName);
      return { kind: 'exists', version: { id: 'v1' } } as PlanOutcome;
    });
    await second.start();
    await first.shutdown(); // abandons the in-flight event uncommitted
    await expect.poll(() => planned).toEqual(['c']);
    await second.shutdown();
  });
});
