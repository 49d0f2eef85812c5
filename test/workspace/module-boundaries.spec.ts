import { beforeAll, describe, expect, it } from 'vitest';
import { createRuleLinter, type RuleLinter } from './rule-linter';

// The layering rules of eslint.config.mjs, exercised on code that breaks them.
describe('nx module boundaries', () => {
  let lint: RuleLinter;
  beforeAll(() => {
    lint = createRuleLinter(['@nx/enforce-module-boundaries']);
  });

  it('forbids a library from importing a service', async () => {
    const messages = await lint('libs/config/src/bad.ts', "import { createGateway } from '@ser/gateway';\nexport const g = createGateway;\n");
    expect(messages.join('\n')).toMatch(/can only depend on libs tagged with "type:lib"/);
  });

  it('forbids a service from importing another service', async () => {
    const messages = await lint('services/inference/src/bad.ts', "import { createGateway } from '@ser/gateway';\nexport const g = createGateway;\n");
    expect(messages.length).toBeGreaterThan(0);
  });

  it('lets a service import libraries', async () => {
    expect(await lint('services/inference/src/ok.ts', "import { createLogger } from '@ser/logging';\nexport const l = createLogger;\n")).toEqual([]);
  });
});
