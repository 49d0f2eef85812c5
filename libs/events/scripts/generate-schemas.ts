// `npm run schemas:gen`: rewrites schemas/ (one JSON Schema per topic) from the zod schemas in libs/events.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMAS_DIR, topicJsonSchemaFiles } from '../src/json-schema';

const dir = resolve(fileURLToPath(new URL('../../..', import.meta.url)), SCHEMAS_DIR);
const files = topicJsonSchemaFiles();
mkdirSync(dir, { recursive: true });
for (const name of readdirSync(dir)) if (name.endsWith('.json') && !files.has(name)) rmSync(join(dir, name)); // a topic's old version
for (const [name, content] of files) writeFileSync(join(dir, name), content);
console.log(`wrote ${files.size} schemas to ${dir}`);
