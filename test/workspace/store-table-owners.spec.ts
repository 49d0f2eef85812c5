import { execFileSync } from 'node:child_process';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// eslint.config.mjs's table-owner rules (scripts/store-table-owners.mjs), exercised on code that breaks them.
describe('one owner for each table', () => {
  let eslint: ESLint;
  beforeAll(() => {
    // The config's nx module-boundary rule needs the project graph, as in module-boundaries.spec.ts.
    execFileSync('npx', ['nx', 'show', 'projects'], { env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
    eslint = new ESLint();
  });

  const lint = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: file });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };
  const store = "import type { MetadataStore } from '@ser/store';\ndeclare const store: MetadataStore;\n";

  it("refuses a write to a table the service does not own, naming the table's owner", async () => {
    const messages = await lint('services/gateway/src/bad.ts', `${store}export const moved = store.models.setAlias('ser', 'production', 1);\n`);
    expect(messages).toEqual([expect.stringMatching(/services\/gateway does not own table model_aliases: only services\/model-registry may write it/)]);
    const nested = await lint('services/inference/src/bad.ts', `${store}const ctx = { store };\nexport const run = ctx.store.runs.update('r', {});\n`);
    expect(nested).toEqual([expect.stringMatching(/does not own table runs: only services\/fop-pretrainer, services\/vqvae-pretrainer, services\/classifier-trainer/)]);
  });

  it('lets the owner write its table, and anyone read it', async () => {
    expect(await lint('services/model-registry/src/ok.ts', `${store}export const moved = store.models.setAlias('ser', 'production', 1);\n`)).toEqual([]);
    expect(await lint('services/inference/src/ok.ts', `${store}export const p = store.predictions.record({} as never);\n`)).toEqual([]);
    expect(await lint('services/gateway/src/ok.ts', `${store}export const v = store.models.listModels();\nexport const r = store.runs.get('r');\n`)).toEqual([]);
  });

  it('refuses importing the repository class of a table the service does not own', async () => {
    const messages = await lint('services/gateway/src/bad.ts', "import { ModelRepository } from '@ser/store';\nexport const R = ModelRepository;\n");
    expect(messages).toEqual([expect.stringMatching(/'ModelRepository' import from '@ser\/store' is restricted/)]);
    expect(await lint('services/features/src/ok.ts', "import { DatasetRepository } from '@ser/store';\nexport const R = DatasetRepository;\n")).toEqual([]);
  });

  it('leaves specs free to seed any table', async () => {
    expect(await lint('services/gateway/src/seed.spec.ts', `${store}export const v = store.models.createVersion({ modelName: 'ser', artifactKey: 'a' });\n`)).toEqual([]);
  });
});
