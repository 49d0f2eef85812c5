// JSON Schemas (draft 2020-12) of each topic's event data, generated from the zod schemas in topics.ts so
// producers in other languages validate against the same contract the consumers apply. The committed
// copies under schemas/ are written by `npm run schemas:gen` and checked for drift by json-schema.spec.ts.
import { z } from 'zod';
import { EVENT_TYPES, TOPICS, TOPIC_SCHEMAS, dataSchemaUri, type Topic } from './topics';

/** Where the generated schemas are committed, relative to the repository root. */
export const SCHEMAS_DIR = 'schemas';

/** The file of a topic's schema under SCHEMAS_DIR, named after its event type (the version is in the name). */
export function schemaFileName(topic: Topic): string {
  return `${EVENT_TYPES[topic]}.json`;
}

/**
 * The JSON Schema of a topic's event data. `io: 'input'` describes what consumers accept: unknown
 * properties are allowed (the zod objects drop them), as topics.ts promises older consumers.
 */
export function topicJsonSchema(topic: Topic): Record<string, unknown> {
  const { $schema, title, description, ...generated } = z.toJSONSchema(TOPIC_SCHEMAS[topic], { target: 'draft-2020-12', io: 'input' });
  // Identity first, so a reader of the file sees what it is before how it is built.
  return { $schema, $id: dataSchemaUri(topic), title, description, 'x-ser-topic': topic, 'x-ser-event-type': EVENT_TYPES[topic], ...generated };
}

/** Every topic's schema file: name -> content, exactly as committed (2-space JSON, final newline). */
export function topicJsonSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const topic of Object.values(TOPICS)) files.set(schemaFileName(topic), `${JSON.stringify(topicJsonSchema(topic), null, 2)}\n`);
  return files;
}
