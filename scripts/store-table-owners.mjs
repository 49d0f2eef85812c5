// One owner for each table (issue 17): only the owning services call a table's write methods on the MetadataStore;
// every other service reaches the table through its owner's gRPC API. eslint.config.mjs turns this map into a
// lint rule per services/* folder; ARCHITECTURE.md's "Table owners" lists the same owners.

/**
 * Table -> the MetadataStore repository that holds it, the repository's methods that write it, and the service
 * folders (services/<folder>) allowed to call them. The pre-trainers and the classifier trainer write runs through
 * @ser/runs, a library, so their own folders rarely call these directly.
 */
export const STORE_TABLE_OWNERS = {
  datasets: { repository: 'datasets', writes: ['registerVersion', 'addUtterances'], owners: ['features'] },
  ingestion_plans: {
    repository: 'ingestionWork',
    writes: ['createPlan', 'deletePlan', 'claimItem', 'renewLease', 'completeItem', 'markRegistered', 'markCompleted'],
    owners: ['features'],
  },
  processed_events: { repository: 'processedEvents', writes: ['markProcessed'], owners: ['features'] },
  runs: {
    repository: 'runs',
    writes: ['update', 'claim', 'claimNext', 'release', 'appendMetrics', 'appendMetric'],
    owners: ['fop-pretrainer', 'vqvae-pretrainer', 'classifier-trainer'],
  },
  // Queueing a run is inserting its 'queued' row; withdrawing one no trainer claimed is cancelQueued. The gateway
  // does both: the trainers scale to zero on this queue, so none may be up to answer a Start or Cancel call
  // (issue 18). Claiming, progress and the end of a claimed run stay theirs.
  'runs (queued rows)': {
    repository: 'runs',
    writes: ['create', 'cancelQueued'],
    owners: ['fop-pretrainer', 'vqvae-pretrainer', 'classifier-trainer', 'gateway'],
  },
  checkpoints: { repository: 'checkpoints', writes: ['add'], owners: ['fop-pretrainer', 'vqvae-pretrainer', 'classifier-trainer'] },
  model_versions: { repository: 'models', writes: ['createVersion'], owners: ['model-registry'] },
  model_aliases: { repository: 'models', writes: ['setAlias'], owners: ['model-registry'] },
  predictions: { repository: 'predictions', writes: ['record'], owners: ['inference'] },
  api_tokens: { repository: 'apiTokens', writes: ['create', 'delete'], owners: ['gateway', 'cli'] },
};

/**
 * Repositories whose reads are their owners' too: every other service asks the owner's gRPC API, so the owner's rules
 * (what an alias means, which version a reference picks) live in one place. model_versions and model_aliases:
 * ModelRegistryService (ListModels, GetModelVersion, BatchGetModelVersions, GetRunModelVersion, ListModelAliases).
 */
export const OWNER_ONLY_REPOSITORIES = { models: ['model-registry'] };

/** The repository classes @ser/store exports: a service holding one could write its table on a raw connection. */
const REPOSITORY_CLASSES = {
  datasets: 'DatasetRepository',
  ingestionWork: 'IngestionWorkRepository',
  processedEvents: 'ProcessedEventRepository',
  runs: 'RunRepository',
  checkpoints: 'CheckpointRepository',
  models: 'ModelRepository',
  predictions: 'PredictionRepository',
  apiTokens: 'ApiTokenRepository',
};

/** `<anything>.<repository>.<method>(...)`, e.g. `ctx.store.models.setAlias(...)`. */
const writeCall = (repository, methods) =>
  `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${methods.join('|')})$/][callee.object.type='MemberExpression'][callee.object.property.name='${repository}']`;

/** `store.<repository>.<any>(...)` or `<anything>.store.<repository>.<any>(...)`: the repository reached through a store. */
const storeCalls = (repository) =>
  [
    "[callee.object.object.type='Identifier'][callee.object.object.name=/^(store|tx)$/]",
    "[callee.object.object.type='MemberExpression'][callee.object.object.property.name='store']",
  ].map(
    (through) => `CallExpression[callee.type='MemberExpression'][callee.object.type='MemberExpression'][callee.object.property.name='${repository}']${through}`,
  );

/** The lint rules for the code of one service folder: a call of a table's write method where the folder owns none. */
export function storeWriteRules(folder) {
  const foreign = Object.entries(STORE_TABLE_OWNERS).filter(([, t]) => !t.owners.includes(folder));
  const syntax = foreign.map(([table, t]) => ({
    selector: writeCall(t.repository, t.writes),
    message: `services/${folder} does not own table ${table}: only ${t.owners.map((o) => `services/${o}`).join(', ')} may write it (${t.writes.join(', ')}). Call the owner's gRPC API instead (scripts/store-table-owners.mjs).`,
  }));
  for (const [repository, owners] of Object.entries(OWNER_ONLY_REPOSITORIES)) {
    if (owners.includes(folder)) continue;
    const tables = Object.entries(STORE_TABLE_OWNERS)
      .filter(([, t]) => t.repository === repository)
      .map(([table]) => table);
    for (const selector of storeCalls(repository)) {
      syntax.push({
        selector,
        message: `services/${folder} does not own ${tables.join(', ')}: only ${owners.map((o) => `services/${o}`).join(', ')} may read or write store.${repository}. Ask its gRPC API instead (scripts/store-table-owners.mjs).`,
      });
    }
  }
  // A repository class is off limits unless the folder owns every table it writes.
  const ownsAll = (repository) => Object.values(STORE_TABLE_OWNERS).every((t) => t.repository !== repository || t.owners.includes(folder));
  const classes = Object.entries(REPOSITORY_CLASSES)
    .filter(([repository]) => !ownsAll(repository))
    .map(([, name]) => name);
  return {
    'no-restricted-syntax': ['error', ...syntax],
    'no-restricted-imports': [
      'error',
      {
        paths: [
          {
            name: '@ser/store',
            importNames: classes,
            message: `services/${folder} does not own the tables this repository writes (scripts/store-table-owners.mjs).`,
          },
        ],
      },
    ],
  };
}
