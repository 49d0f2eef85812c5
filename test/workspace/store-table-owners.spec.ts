import { beforeAll, describe, expect, it } from 'vitest';
import { createRuleLinter, type RuleLinter } from './rule-linter';

// eslint.config.mjs's table-owner rules (scripts/store-table-owners.mjs), exercised on code that breaks them.
// A generous timeout: the first lint loads the typed config, slow on a loaded machine (not a performance bound).
describe('one owner for each table', { timeout: 300_000 }, () => {
  let lint: RuleLinter;
  beforeAll(() => {
    lint = createRuleLinter(['no-restricted-syntax', 'no-restricted-imports']);
  });
  const store = "import type { MetadataStore } from '@ser/store';\ndeclare const store: MetadataStore;\n";

  it("refuses a write to a table the service does not own, naming the table's owner", async () => {
    const messages = await lint('services/gateway/src/bad.ts', `${store}export const moved = store.models.setAlias('ser', 'production', 1);\n`);
    expect(messages).toEqual([
      expect.stringMatching(/services\/gateway does not own table model_aliases: only services\/model-registry may write it/),
      // ...and store.models is the registry's for reads too.
      expect.stringMatching(/only services\/model-registry may read or write store.models/),
    ]);
    const nested = await lint('services/inference/src/bad.ts', `${store}const ctx = { store };\nexport const run = ctx.store.runs.update('r', {});\n`);
    expect(nested).toEqual([
      expect.stringMatching(/does not own table runs: only services\/fop-pretrainer, services\/vqvae-pretrainer, services\/classifier-trainer/),
    ]);
    // The trainer registers a run's kept model through ModelRegistryService (RegisterModelVersion), not into the table.
    const register = await lint(
      'services/classifier-trainer/src/bad.ts',
      `${store}export const v = store.models.createVersion({ modelName: 'ser', artifactKey: 'a' });\n`,
    );
    expect(register).toEqual([
      expect.stringMatching(/services\/classifier-trainer does not own table model_versions: only services\/model-registry may write it/),
      expect.stringMatching(/only services\/model-registry may read or write store.models/),
    ]);
  });

  it('lets the owner write its table, and anyone read it', async () => {
    expect(await lint('services/model-registry/src/ok.ts', `${store}export const moved = store.models.setAlias('ser', 'production', 1);\n`)).toEqual([]);
    expect(
      await lint('services/model-registry/src/ok.ts', `${store}export const v = store.models.createVersion({ modelName: 'ser', artifactKey: 'a' });\n`),
    ).toEqual([]);
    expect(await lint('services/inference/src/ok.ts', `${store}export const p = store.predictions.record({} as never);\n`)).toEqual([]);
    expect(
      await lint('services/gateway/src/ok.ts', `${store}export const r = store.runs.get('r');\nexport const d = store.datasets.getVersion('d');\n`),
    ).toEqual([]);
    expect(await lint('services/model-registry/src/ok.ts', `${store}export const v = store.models.listModels();\n`)).toEqual([]);
  });

  it('lets the gateway queue a run and withdraw a queued one, but nothing more of runs, and no other service do either', async () => {
    expect(await lint('services/gateway/src/ok.ts', `${store}export const r = store.runs.create({ kind: 'classifier' });\n`)).toEqual([]);
    expect(await lint('services/gateway/src/ok.ts', `${store}export const r = store.runs.cancelQueued('r');\n`)).toEqual([]);
    expect(await lint('services/inference/src/bad.ts', `${store}export const r = store.runs.cancelQueued('r');\n`)).toEqual([
      expect.stringMatching(/does not own table runs \(queued rows\)/),
    ]);
    expect(await lint('services/gateway/src/bad.ts', `${store}export const r = store.runs.update('r', { status: 'running' });\n`)).toEqual([
      expect.stringMatching(/does not own table runs:/),
    ]);
    expect(await lint('services/gateway/src/bad.ts', "import { RunRepository } from '@ser/store';\nexport const R = RunRepository;\n")).toHaveLength(1);
    expect(await lint('services/inference/src/bad.ts', `${store}export const r = store.runs.create({ kind: 'classifier' });\n`)).toEqual([
      expect.stringMatching(/does not own table runs \(queued rows\)/),
    ]);
  });

  it("keeps the model registry's tables its own for reads too, and leaves other objects named models alone", async () => {
    const reads = await lint(
      'services/gateway/src/bad.ts',
      `${store}const ctx = { store };\nexport const v = store.models.listModels();\nexport const w = ctx.store.models.findVersion('ser', 1);\n`,
    );
    expect(reads).toEqual([
      expect.stringMatching(/services\/gateway does not own model_versions, model_aliases: only services\/model-registry may read or write store.models/),
      expect.stringMatching(/services\/gateway does not own model_versions, model_aliases: only services\/model-registry may read or write store.models/),
    ]);
    expect(await lint('services/classifier-trainer/src/bad.ts', `${store}export const v = store.models.findByRun('r');\n`)).toHaveLength(1);
    expect(
      await lint('services/inference/src/ok.ts', 'const models = new Map<string, number>();\nexport const o = { models };\no.models.set("a", 1);\n'),
    ).toEqual([]);
  });

  it('refuses importing the repository class of a table the service does not own', async () => {
    const messages = await lint('services/gateway/src/bad.ts', "import { ModelRepository } from '@ser/store';\nexport const R = ModelRepository;\n");
    expect(messages).toEqual([expect.stringMatching(/'ModelRepository' import from '@ser\/store' is restricted/)]);
    expect(await lint('services/features/src/ok.ts', "import { DatasetRepository } from '@ser/store';\nexport const R = DatasetRepository;\n")).toEqual([]);
  });

  it('leaves specs free to seed any table', async () => {
    expect(
      await lint('services/gateway/src/seed.spec.ts', `${store}export const v = store.models.createVersion({ modelName: 'ser', artifactKey: 'a' });\n`),
    ).toEqual([]);
  });
});
