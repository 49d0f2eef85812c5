import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ManifestEntry } from '@ser/corpora';
import { TOPICS, type Envelope, type EventBus, type MessageMeta, type Subscription } from '@ser/events';
import type { Logger } from '@ser/logging';
import type { MetadataStore } from '@ser/store';
import { countShard } from '../features-metrics';
import type { Ingestor } from './ingestor';
import type { PlanFinalizer } from './plan-finalizer';
import { extractShard, featuresPrefix } from './shard-extraction';

const GROUP = 'features-work';
/** How long a claim holds an item without renewal; renewed every third of it while the shard is computed. */
export const DEFAULT_WORK_LEASE_MS = 30_000;

type WorkEvent = Envelope<typeof TOPICS.featuresWork>;

export interface WorkConsumerDeps {
  bus: EventBus;
  store: MetadataStore;
  ingestor: Ingestor;
  finalizer: PlanFinalizer;
  logger: Logger;
  /** This replica's name in the work records; one per process (a restarted process is a new claimer). */
  instanceId: string;
  leaseMs?: number;
}

/**
 * Consumes `ser.features.work` in one consumer group shared by every features replica: each replica computes the
 * shards of its partitions and records them in the store.
 *
 * Error policy: an item already done (redelivery, duplicate) is skipped; an item another replica holds is waited
 * for until done or until its lease runs out (that replica died), then claimed and redone, so the message is
 * committed only once the item is done by someone. A replica that lost its lease drops its result. Extraction
 * failures of single files are part of the result (skipped files), not errors; other errors are retried by the
 * bus, then dead-lettered. The replica whose item completes the plan registers the version (plan-finalizer.ts).
 */
export class FeatureWorkConsumer {
  private subscription?: Subscription;
  private stopping = false;
  private readonly workerId: string;
  private readonly leaseMs: number;
  private readonly logger: Logger;

  private constructor(private readonly deps: WorkConsumerDeps) {
    this.workerId = `${deps.instanceId}/${process.pid}/${randomUUID().slice(0, 8)}`;
    this.leaseMs = deps.leaseMs ?? DEFAULT_WORK_LEASE_MS;
    this.logger = deps.logger.child({ consumer: GROUP, worker: this.workerId });
  }

  static fromConfig(deps: WorkConsumerDeps): FeatureWorkConsumer {
    return new FeatureWorkConsumer(deps);
  }

  async start(): Promise<void> {
    this.subscription = await this.deps.bus.subscribe({
      groupId: GROUP,
      topics: [TOPICS.featuresWork],
      // A group without committed offsets must still see items published before it joined (no replica was up).
      fromBeginning: true,
      handler: (event, meta) => this.handle(event as WorkEvent, meta),
    });
  }

  /** Resolves when the consumer stops; rejects when it dies on its own (the service then exits unhealthy). */
  get done(): Promise<void> {
    return this.subscription?.done ?? Promise.resolve();
  }

  async shutdown(): Promise<void> {
    this.stopping = true;
    await this.subscription?.stop();
  }

  private async handle(event: WorkEvent, meta: MessageMeta): Promise<void> {
    const { planId, shardIndex } = event.data;
    const log = this.logger.child({ topic: meta.topic, partition: meta.partition, offset: meta.offset, planId, shardIndex });
    const { store, finalizer } = this.deps;
    while (!this.stopping) {
      const claim = await store.ingestionWork.claimItem(planId, shardIndex, this.workerId, this.leaseMs);
      if (claim.outcome === 'missing') {
        log.warn('work item of an unknown plan: skipped');
        return;
      }
      if (claim.outcome === 'done') {
        log.debug('work item already done: skipped');
        // The replica that completed the last item may have died before registering: finish it here.
        await finalizer.finishIfComplete(planId);
        return;
      }
      if (claim.outcome === 'held') {
        const waitMs = Math.min(this.leaseMs, Math.max(100, claim.leaseUntil.getTime() - Date.now()));
        log.debug({ claimedBy: claim.claimedBy, waitMs }, 'work item held by another replica: waiting');
        await sleep(waitMs);
        continue;
      }
      const last = await this.compute(planId, shardIndex, claim.item.entries as unknown as ManifestEntry[], log);
      if (last) await finalizer.finishIfComplete(planId);
      return;
    }
    throw new Error('features work consumer is stopping; the item is left for the next owner');
  }

  /** Computes and records one claimed item; true when it was the plan's last one. */
  private async compute(planId: string, shardIndex: number, entries: ManifestEntry[], log: Logger): Promise<boolean> {
    const { store, ingestor } = this.deps;
    const plan = await store.ingestionWork.getPlan(planId);
    if (!plan) return false;
    const renew = setInterval(() => {
      store.ingestionWork.renewLease(planId, shardIndex, this.workerId, this.leaseMs).then(
        (held) => held || log.warn('lease on the work item lost; another replica may redo it'),
        (err: Error) => log.warn({ err }, 'renewing the lease failed'),
      );
    }, this.leaseMs / 3);
    try {
      const { artifacts, minDurationSeconds } = ingestor.opts;
      const root = await ingestor.prepareFiles(
        plan.sourceUri,
        plan.root,
        entries.map((e) => e.path),
      );
      const shard = await extractShard(
        { root, prefix: featuresPrefix(plan.datasetName, plan.version), shardIndex, entries },
        { artifacts, pool: ingestor.pool, minDurationSeconds },
      );
      const { completed, last } = await store.ingestionWork.completeItem(planId, shardIndex, this.workerId, shard as never);
      if (!completed) log.warn('work item was redone elsewhere after this replica lost its lease: result dropped');
      else {
        countShard(ingestor.opts.metrics, plan.datasetName, shard);
        log.info({ utterances: shard.utterances.length, skipped: shard.skipped.length, last }, 'work item done');
      }
      return last;
    } finally {
      clearInterval(renew);
    }
  }
}
