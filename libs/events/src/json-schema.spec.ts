import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMAS_DIR, schemaFileName, topicJsonSchema, topicJsonSchemaFiles } from './json-schema';
import { TOPICS, dataSchemaUri } from './topics';

const dir = resolve(fileURLToPath(new URL('../../..', import.meta.url)), SCHEMAS_DIR);
const REGENERATE = 'schemas/ differs from the zod schemas in libs/events/src/topics.ts: run `npm run schemas:gen` and commit schemas/';

describe('committed JSON Schemas', () => {
  it('are exactly what the zod schemas generate, one file per topic and no other', () => {
    const expected = topicJsonSchemaFiles();
    const committed = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
    expect(committed.sort(), REGENERATE).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) {
      const file = readFileSync(join(dir, name), 'utf8');
      expect(JSON.parse(file), `${name}: ${REGENERATE}`).toEqual(JSON.parse(content)); // a readable diff first
      expect(file, `${name}: ${REGENERATE}`).toBe(content);
    }
  });

  it('carry the URI of the CloudEvents dataschema attribute as $id, and draft 2020-12', () => {
    for (const topic of Object.values(TOPICS)) {
      const schema = topicJsonSchema(topic);
      expect(schema).toMatchObject({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: dataSchemaUri(topic),
        type: 'object',
        'x-ser-topic': topic,
      });
      expect(schemaFileName(topic)).toBe(`${dataSchemaUri(topic).split(':').at(-1)}.json`);
    }
  });

  it('let unknown properties through, as the consumers do, and require what zod requires', () => {
    const corpus = topicJsonSchema(TOPICS.corpusPublished);
    expect(corpus.additionalProperties).toBeUndefined();
    expect(corpus.required).toEqual(['corpusName', 'format', 'uri']);
  });
});
