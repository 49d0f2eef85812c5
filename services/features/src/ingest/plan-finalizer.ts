import type { ManifestEntry } from '@ser/corpora';
import type { EventBus } from '@ser/events';
import type { Logger } from '@ser/logging';
import type { IngestionPlan, MetadataStore, NewUtterance } from '@ser/store';
import { announceFeaturesReady, registerDatasetVersion, type IngestionReport } from './dataset-registration';
import type { ShardResult, SkippedFile } from './shard-extraction';

/**
 * The end of a distributed ingestion: the replica that completed the last item (or one that finds every item done
 * on a redelivery, after that replica died) registers the dataset version with every shard's utterances and the
 * merged report, then publishes features.ready once.
 *
 * Steps, each safe to repeat: (1) register the version + utterances and mark the plan `registered`, in one
 * transaction; (2) publish features.ready with an id derived from the plan, so a repeat after a crash between (1)
 * and (3) is the same event; (3) mark the plan `completed`.
 */
export class PlanFinalizer {
  constructor(
    private readonly store: MetadataStore,
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  /** Finishes the plan when all its items are done and it is not finished yet; a no-op otherwise. */
  async finishIfComplete(planId: string): Promise<void> {
    const plan = await this.store.ingestionWork.getPlan(planId);
    if (!plan || plan.status === 'completed' || plan.itemsDone < plan.itemCount) return;
    await this.finish(plan);
  }

  private async finish(plan: IngestionPlan): Promise<void> {
    const log = this.logger.child({ planId: plan.id, corpus: plan.datasetName, version: plan.version });
    const report = plan.status === 'running' ? await this.mergedReport(plan) : null;
    let announce = plan.status === 'registered';
    if (report) {
      const entries = (await this.store.ingestionWork.listItems(plan.id)).flatMap((i) => i.entries as unknown as ManifestEntry[]);
      announce = await this.store.transaction(async (tx) => {
        const { version, created } = await registerDatasetVersion(tx, {
          corpusName: plan.datasetName,
          version: plan.version,
          format: plan.format,
          sourceUri: plan.sourceUri,
          labelMap: plan.labelMap,
          entries,
          utterances: report.utterances,
          report: report.report,
        });
        const mine = await tx.ingestionWork.markRegistered(plan.id, version.id);
        // Registered by someone else (the same content through gRPC): its features.ready was theirs to send.
        if (mine && !created) await tx.ingestionWork.markCompleted(plan.id);
        return mine && created;
      });
    }
    if (!announce) return;
    const current = await this.store.ingestionWork.getPlan(plan.id);
    const version = current?.datasetVersionId ? await this.store.datasets.getVersion(current.datasetVersionId) : null;
    if (!version) throw new Error(`ingestion plan ${plan.id} is registered but its dataset version is gone`);
    const stored = version.ingestionReport as unknown as IngestionReport;
    await announceFeaturesReady(this.bus, version, stored, `features-ready-${plan.id}`);
    await this.store.ingestionWork.markCompleted(plan.id);
    log.info({ datasetVersionId: version.id, utterances: stored.utterancesIngested, skipped: stored.skipped.length }, 'distributed ingestion finished');
  }

  /** Every item's utterances and skipped files, in shard order, after the importer's own skipped files. */
  private async mergedReport(plan: IngestionPlan): Promise<{ utterances: NewUtterance[]; report: IngestionReport }> {
    const items = await this.store.ingestionWork.listItems(plan.id);
    const utterances: NewUtterance[] = [];
    const skipped: SkippedFile[] = [...(plan.importSkipped as unknown as SkippedFile[])];
    let entries = 0;
    for (const item of items) {
      const result = item.result as unknown as ShardResult | null;
      if (item.status !== 'done' || !result) throw new Error(`ingestion plan ${plan.id}: item ${item.shardIndex} is not done`);
      utterances.push(...result.utterances);
      skipped.push(...result.skipped);
      entries += item.entries.length;
    }
    const report = {
      filesSeen: entries + plan.importSkipped.length,
      utterancesIngested: utterances.length,
      skipped,
      elapsedMs: Date.now() - plan.createdAt.getTime(),
    };
    return { utterances, report };
  }
}
