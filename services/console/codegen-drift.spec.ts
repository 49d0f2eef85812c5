import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from './codegen';

// The console's GraphQL types are generated and committed. When the gateway's schema changes (or an operation in
// src/ does) without a regeneration, this fails and says how to fix it, instead of the console breaking at run time.
describe("the console's generated GraphQL types", () => {
  it('match what codegen produces from the current schema and operations', async () => {
    const outputs: Array<{ filename: string; content: string }> = await generate({ ...config, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) {
      const committed = readFileSync(filename, 'utf8');
      expect(committed, `${filename} is out of date: run \`npm run codegen -w services/console\` and commit the result`).toBe(content);
    }
  }, 120_000);
});
