// Property-based tests of the GraphQL API (fast-check): random queries built from the schema itself, deep and
// wide (aliases, big `first`), over HTTP against a real gateway. Every answer is data or errors with a code,
// never a crash; every query deeper than the depth limit is refused, as is every alias bomb over the cost limit;
// oversized bodies get 413; and the gateway keeps answering. Seeded and bounded in runs and time.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type GqlResponse } from './client';
import { startTestGateway, type TestGateway } from './harness';

const SEED = 20261204;
const RUN_LIMIT_MS = 60_000; // a safety bound per property on a loaded machine; the run counts are what normally ends them
const schema = buildSchema(readFileSync(new URL('../../services/gateway/src/schema.graphql', import.meta.url), 'utf8'));
const queryType = schema.getQueryType()!;
/** The gateway's defaults (services/gateway/src/limits.ts), set here so the checks below know them. */
const LIMITS = { maxDepth: 10, maxCost: 5000 };

/** Codes a refusal or a resolver error may carry; anything else (INTERNAL_SERVER_ERROR) is a crash. */
const EXPECTED_CODES = new Set([
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'QUERY_TOO_COSTLY',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAVAILABLE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);
const counts = { queries: 0, answered: 0, tooDeep: 0, tooCostly: 0, maxDepth: 0, oversized: 0 };
afterAll(() =>
  console.log(
    `graphql fuzz: ${counts.queries} queries (deepest ${counts.maxDepth}), ${counts.answered} answered, ${counts.tooDeep} refused as too deep, ${counts.tooCostly} as too costly; ${counts.oversized} oversized bodies`,
  ),
);

/** A literal for an argument of this type, or null when the fuzzer cannot make one (the field is then skipped). */
function literal(type: GraphQLNamedType, pick: () => number): string | null {
  if (isEnumType(type)) return type.getValues()[pick() % type.getValues().length]!.name;
  if (isScalarType(type)) {
    if (type.name === 'Int') return String([0, 1, 5, 20, 100, 1000, -1, 2 ** 31 - 1][pick() % 8]);
    if (type.name === 'ID' || type.name === 'String') return JSON.stringify(['', 'x', 'UnVuOjE=', 'a'.repeat(200), '../../etc', '\u0000'][pick() % 6]);
    if (type.name === 'Boolean') return pick() % 2 ? 'true' : 'false';
    if (type.name === 'Float') return '0.5';
  }
  return null;
}

/** `field(args)` with every required argument and, half the time, `first`; null when an argument is beyond us. */
function fieldCall(field: GraphQLField<unknown, unknown>, pick: () => number): string | null {
  const args: string[] = [];
  for (const arg of field.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (!required && !(arg.name === 'first' && pick() % 2)) continue;
    const value = literal(getNamedType(arg.type), pick);
    if (value === null) {
      if (required) return null;
      continue;
    }
    args.push(`${arg.name}: ${value}`);
  }
  return args.length ? `${field.name}(${args.join(', ')})` : field.name;
}

/** Whether every required argument of `field` is one the fuzzer can write (no input objects). */
function argsWritable(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.every(
    (a) => !(isNonNullType(a.type) && a.defaultValue === undefined) || isScalarType(getNamedType(a.type)) || isEnumType(getNamedType(a.type)),
  );
}

const reachCache = new Map<string, boolean>();
/** Whether a selection on `type` can nest `depth` levels of fields (the schema's cycles, e.g. Run.lineage.parentRun, allow any). */
function canNest(type: GraphQLNamedType, depth: number): boolean {
  if (depth <= 1) return true;
  if (!(isObjectType(type) || isInterfaceType(type))) return false;
  const key = `${type.name}:${depth}`;
  if (!reachCache.has(key)) {
    reachCache.set(key, false); // a cycle seen from inside itself does not count as a way down
    const nested = Object.values(type.getFields()).filter((f) => argsWritable(f) && !isScalarType(getNamedType(f.type)) && !isEnumType(getNamedType(f.type)));
    reachCache.set(
      key,
      nested.some((f) => canNest(getNamedType(f.type), depth - 1)),
    );
  }
  return reachCache.get(key)!;
}

/** A selection set on `type` that tries to nest `depth` levels, from a tape of random choices. */
function selection(type: GraphQLNamedType, depth: number, pick: () => number): string {
  if (isUnionType(type) || !(isObjectType(type) || isInterfaceType(type))) return '{ __typename }';
  const fields = Object.values(type.getFields());
  const nested = fields.filter((f) => !isScalarType(getNamedType(f.type)) && !isEnumType(getNamedType(f.type)));
  const leaves = fields.filter((f) => !nested.includes(f));
  const parts: string[] = [];
  const width = 1 + (pick() % 3);
  for (let i = 0; i < width; i++) {
    // The first field heads for the target depth along a path that can get there; others are random.
    const onward = nested.filter((f) => argsWritable(f) && canNest(getNamedType(f.type), depth - 1));
    const goDeeper = depth > 1 && nested.length > 0 && (i === 0 || pick() % 3 === 0);
    const pool = goDeeper ? (i === 0 && onward.length ? onward : nested) : leaves.length ? leaves : nested;
    const field = pool[pick() % pool.length]!;
    const call = fieldCall(field, pick);
    if (call === null) continue;
    const alias = pick() % 5 === 0 ? `a${i}: ` : '';
    const named = getNamedType(field.type);
    const sub = isScalarType(named) || isEnumType(named) ? '' : ` ${selection(named, goDeeper ? depth - 1 : 1, pick)}`;
    parts.push(`${alias}${call}${sub}`);
  }
  return `{ ${parts.length ? parts.join(' ') : '__typename'} }`;
}

/**
 * Field nesting of a generated query, as the gateway counts it: braces, leaving out string literals and the sets
 * that hold only __typename (introspection is not counted).
 */
function fieldDepth(query: string): number {
  let depth = 0;
  let deepest = 0;
  for (const brace of query
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\s*\{ __typename \}/g, '')
    .match(/[{}]/g) ?? []) {
    depth += brace === '{' ? 1 : -1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

function expectAnswered(res: GqlResponse<unknown>, query: string): void {
  expect([200, 400, 401, 403], `${res.status} for ${query}`).toContain(res.status);
  for (const e of res.errors ?? []) expect(EXPECTED_CODES, `${e.extensions?.code}: ${e.message} for ${query}`).toContain(e.extensions?.code);
  expect(res.data !== undefined || (res.errors?.length ?? 0) > 0).toBe(true);
}

describe('GraphQL API under fuzzed queries (fast-check)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ limits: LIMITS });
  });
  afterAll(() => t?.stop());

  it('answers random deep and wide queries from the schema with data or coded errors, refusing every one over the depth limit', async () => {
    const tape = fc.array(fc.nat(), { minLength: 400, maxLength: 400 });
    await fc.assert(
      fc.asyncProperty(tape, fc.integer({ min: 1, max: 16 }), async (choices, targetDepth) => {
        let next = 0;
        const pick = () => choices[next++ % choices.length]!;
        const query = selection(queryType, targetDepth, pick);
        const res = await gql(t.gateway.url, query, {}, t.tokens.admin);
        counts.queries++;
        expectAnswered(res, query);
        const depth = fieldDepth(query);
        counts.maxDepth = Math.max(counts.maxDepth, depth);
        const deepRefusal = (res.errors ?? []).some((e) => /query depth \d+ exceeds the limit/.test(e.message));
        expect(deepRefusal, `depth ${depth}: ${query}`).toBe(depth > LIMITS.maxDepth);
        if (deepRefusal) counts.tooDeep++;
        else if (res.errors?.some((e) => e.extensions?.code === 'QUERY_TOO_COSTLY')) counts.tooCostly++;
        else counts.answered++;
      }),
      { seed: SEED, numRuns: 250, interruptAfterTimeLimit: RUN_LIMIT_MS, markInterruptAsFailure: false },
    );
    expect(counts.tooDeep).toBeGreaterThan(0); // the generator does reach past the limit
  }, 180_000);

  it('refuses alias bombs over the cost limit and answers those under it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 5001, max: 5200 }), fc.integer({ min: 1, max: 200 })),
        fc.constantFrom('datasets(first: 1) { totalCount }', 'runs { totalCount }', 'models { totalCount }'),
        async (aliases, field) => {
          const query = `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
          const res = await gql(t.gateway.url, query, {}, t.tokens.admin);
          counts.queries++;
          expectAnswered(res, query.slice(0, 80));
          const costly = (res.errors ?? []).some((e) => e.extensions?.code === 'QUERY_TOO_COSTLY');
          // Every alias costs more than 1 (a root field and its child); none of these costs 100.
          if (aliases > LIMITS.maxCost) expect(costly, `${aliases} aliases`).toBe(true);
          if (aliases * 100 <= LIMITS.maxCost) expect(costly, `${aliases} aliases`).toBe(false);
          if (costly) counts.tooCostly++;
          else counts.answered++;
        },
      ),
      { seed: SEED, numRuns: 40, interruptAfterTimeLimit: RUN_LIMIT_MS, markInterruptAsFailure: false },
    );
  }, 180_000);

  it('refuses oversized bodies with 413 and keeps answering', async () => {
    for (const bytes of [3 << 20, 20 << 20]) {
      const res = await fetch(t.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ health { name } } #${'x'.repeat(bytes)}` }),
      });
      counts.oversized++;
      expect(res.status).toBe(413);
    }
    const after = await gql(t.gateway.url, '{ datasets { totalCount } }', {}, t.tokens.admin);
    expect(after.errors).toBeUndefined();
  });
});
