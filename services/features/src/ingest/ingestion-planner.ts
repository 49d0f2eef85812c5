import { TOPICS, type EventBus } from '@ser/events';
import type { Logger } from '@ser/logging';
import type { DatasetVersion, IngestionPlan, MetadataStore } from '@ser/store';
import { scanCorpusVersion } from './ingest-corpus';
import type { IngestCommand, Ingestor } from './ingestor';
import type { PlanFinalizer } from './plan-finalizer';
import { splitIntoShards } from './shard-extraction';

export type PlanOutcome =
  /** This content is registered already: nothing to do (as the in-process path). */
  | { kind: 'exists'; version: DatasetVersion }
  /** Work items published: `published` of the plan's `itemCount` (fewer when resuming a half-published plan). */
  | { kind: 'planned'; plan: IngestionPlan; published: number };

/** Partition key of a work item: items of one corpus spread across the work topic's partitions. */
export function workItemKey(planId: string, shardIndex: number): string {
  return `${planId}#${shardIndex}`;
}

/**
 * The first half of a Kafka-driven ingestion, run by the replica that receives corpus.published: scan the corpus,
 * record the plan (one work item per shard of `shardSize` entries) and publish one `ser.features.work` event per
 * item. Every replica then computes the items of its partitions (work-consumer.ts).
 *
 * Safe to repeat: the plan is unique per (corpus, content version); planning it again (a redelivered event after a
 * crash half-way through publishing) publishes the items not done yet, and a duplicate item is skipped by the
 * claim in the store.
 */
export class IngestionPlanner {
  constructor(private readonly deps: { store: MetadataStore; bus: EventBus; ingestor: Ingestor; finalizer: PlanFinalizer; shardSize: number }) {}

  async plan(cmd: IngestCommand, log: Logger): Promise<PlanOutcome> {
    const { store, bus, ingestor, finalizer, shardSize } = this.deps;
    const root = await ingestor.prepare(cmd);
    const { manifest, version, existing } = await scanCorpusVersion({ ...cmd, root, sourceUri: cmd.uri }, store);
    if (existing) return { kind: 'exists', version: existing };

    let plan = await store.ingestionWork.findPlan(cmd.corpusName, version);
    if (plan && plan.status !== 'running') {
      // Finished before, but its dataset version has been deleted since: plan the content afresh.
      await store.ingestionWork.deletePlan(plan.id);
      plan = null;
    }
    plan ??= (
      await store.ingestionWork.createPlan({
        datasetName: cmd.corpusName,
        version,
        format: cmd.format,
        sourceUri: cmd.uri,
        root: manifest.root,
        labelMap: cmd.labelMap,
        importSkipped: manifest.skipped as never,
        items: splitIntoShards(manifest.entries, shardSize) as never,
      })
    ).plan;

    const open = await store.ingestionWork.openItems(plan.id);
    for (const shardIndex of open) {
      await bus.publish(
        TOPICS.featuresWork,
        { planId: plan.id, shardIndex, shardCount: plan.itemCount, corpusName: cmd.corpusName, datasetVersion: version },
        { key: workItemKey(plan.id, shardIndex), subject: plan.id },
      );
    }
    // Nothing to compute (every file left out by the importer), or every item done before a crash: finish here.
    if (open.length === 0) await finalizer.finishIfComplete(plan.id);
    log.info({ planId: plan.id, items: plan.itemCount, published: open.length }, 'ingestion planned');
    return { kind: 'planned', plan, published: open.length };
  }
}
