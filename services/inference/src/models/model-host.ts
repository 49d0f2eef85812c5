import { randomUUID } from 'node:crypto';
import type { ArtifactStore } from '@ser/artifacts';
import type { ModelSelector__Output } from '@ser/contracts';
import { TOPICS, type EventBus, type Subscription } from '@ser/events';
import { notFound } from '@ser/grpc-kit';
import type { Logger } from '@ser/logging';
import type { InferenceMetrics } from '../inference-metrics';
import { LoadedVersion, type BatchingSettings } from './loaded-version';
import { loadServableModel, type ServableModel } from './model-kinds';
import type { RegisteredVersions } from './registered-versions';
import './fop-classifier'; // registers the 'fop-classifier' kind
import './hypercolumn-model'; // 'fop-hypercolumn-classical' and 'fop-hypercolumn-attention-lstm'
import './sequence-model'; // 'sequence-model'

export interface ModelHostOptions extends BatchingSettings {
  /** Registered versions and aliases (ModelRegistryService owns them). */
  registry: RegisteredVersions;
  artifacts: ArtifactStore;
  bus: EventBus;
  logger: Logger;
  /** Model and alias of a request that names none. */
  defaultModelName: string;
  defaultAlias: string;
  warmupSeconds: number;
  /** Identifies this replica's alias-event subscription (each replica must see every move). */
  instanceId: string;
  /** Load, warm-up, batch-size and latency instruments; none in unit tests that do not need them. */
  metrics?: InferenceMetrics;
  /** Builds a version's servable model; in-process loadServableModel unless the service runs forward passes in worker threads. */
  loadModel?: (artifacts: ArtifactStore, artifactKey: string) => Promise<ServableModel>;
}

/** A version in use by one request; release() when the request is done with it. */
export interface Lease {
  version: LoadedVersion;
  release(): void;
}

const versionKey = (name: string, version: number) => `${name}@${version}`;
const aliasKey = (name: string, alias: string) => `${name}:${alias}`;

/**
 * The model versions this replica serves. Requests pick a version by name + alias or version; an alias is
 * resolved once, then followed through modelAliasMoved events: the new version is loaded and warmed first, the
 * alias swapped in one assignment, and the old version disposed after its in-flight requests end. No request
 * ever waits for a load that an alias move causes.
 */
export class ModelHost {
  private readonly loaded = new Map<string, LoadedVersion>();
  private readonly loading = new Map<string, Promise<LoadedVersion>>();
  /** name:alias -> the version serving it. */
  private readonly aliases = new Map<string, LoadedVersion>();
  /** Versions asked for by number; they stay loaded. */
  private readonly pinned = new Set<string>();
  private subscription: Subscription | undefined;

  constructor(private readonly opts: ModelHostOptions) {}

  async start(): Promise<void> {
    this.subscription = await this.opts.bus.subscribe({
      groupId: `inference-${this.opts.instanceId}-${randomUUID()}`,
      topics: [TOPICS.modelAliasMoved],
      handler: async (event) => this.onAliasMoved(event.data.modelName, event.data.alias, event.data.version),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    for (const v of this.loaded.values()) v.retire();
    this.loaded.clear();
    this.aliases.clear();
  }

  /** The version a selector names, loaded and warm, held until release(). NOT_FOUND when it does not exist. */
  async acquire(selector: ModelSelector__Output | null | undefined): Promise<Lease> {
    const name = selector?.name || this.opts.defaultModelName;
    for (;;) {
      const version =
        selector?.target === 'version' && selector.version
          ? await this.byVersion(name, selector.version)
          : await this.byAlias(name, selector?.alias || this.opts.defaultAlias);
      // An alias move may have retired it between the lookup and here; the next lookup finds its successor.
      if (version.retired) continue;
      version.acquire();
      return { version, release: () => version.release() };
    }
  }

  /** Loaded versions with the aliases that resolve to each, for GetModelStatus. */
  status(): Array<{ version: LoadedVersion; aliases: string[] }> {
    return [...this.loaded.values()].map((version) => ({
      version,
      aliases: [...this.aliases.entries()].filter(([, v]) => v === version).map(([key]) => key.slice(version.name.length + 1)),
    }));
  }

  private async byAlias(name: string, alias: string): Promise<LoadedVersion> {
    const known = this.aliases.get(aliasKey(name, alias));
    if (known) return known;
    const found = await this.opts.registry.byAlias(name, alias);
    if (!found) throw notFound('model', `${name}@${alias}`);
    const loaded = await this.load(name, found.version);
    // A move that landed while this loaded wins: it is newer than what was read.
    if (!this.aliases.has(aliasKey(name, alias))) this.aliases.set(aliasKey(name, alias), loaded);
    return this.aliases.get(aliasKey(name, alias))!;
  }

  private async byVersion(name: string, ref: string): Promise<LoadedVersion> {
    const found = /^[1-9][0-9]*$/.test(ref) ? await this.opts.registry.byNumber(name, Number(ref)) : null;
    if (!found) throw notFound('model version', `${name}@${ref}`);
    const loaded = await this.load(name, found.version);
    this.pinned.add(versionKey(name, found.version));
    return loaded;
  }

  private async onAliasMoved(name: string, alias: string, version: number): Promise<void> {
    const key = aliasKey(name, alias);
    const before = this.aliases.get(key);
    if (!before || before.version === version) return; // nobody here uses it yet: the next request resolves it fresh
    const next = await this.load(name, version); // loaded and warm before any request sees it
    if (this.aliases.get(key) !== before) return; // a later move already replaced it
    this.aliases.set(key, next);
    this.opts.logger.info({ model: name, alias, version, previousVersion: before.version }, 'alias moved: now serving the new version');
    this.retireIfUnused(before);
  }

  private retireIfUnused(v: LoadedVersion): void {
    const key = versionKey(v.name, v.version);
    if (this.pinned.has(key) || [...this.aliases.values()].includes(v)) return;
    this.loaded.delete(key);
    v.retire();
  }

  /** One load per version however many requests ask at once; warmed before it is returned. */
  private load(name: string, version: number): Promise<LoadedVersion> {
    const key = versionKey(name, version);
    const ready = this.loaded.get(key);
    if (ready) return Promise.resolve(ready);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = (async () => {
        const row = await this.opts.registry.byNumber(name, version);
        if (!row) throw notFound('model version', key);
        const started = Date.now();
        const model = await (this.opts.loadModel ?? loadServableModel)(this.opts.artifacts, row.artifactKey);
        this.opts.metrics?.modelLoadSeconds.observe({ model_name: name, model_version: String(version) }, (Date.now() - started) / 1000);
        const loaded = new LoadedVersion(name, version, row.id, model, this.opts, this.opts.metrics);
        await loaded.warmUp(this.opts.warmupSeconds);
        this.loaded.set(key, loaded);
        this.opts.logger.info({ model: name, version, kind: model.kind, ms: Date.now() - started }, 'model version loaded and warm');
        return loaded;
      })().finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }
}
