import { describe, expect, it } from 'vitest';
import type { GraphQLEnumType } from 'graphql';
import { SERVICE_NAMES } from '@ser/config';
import { evaluationProtocolSchema } from '@ser/evaluation';
import { CORPUS_FORMATS, RUN_KINDS, RUN_STATUSES } from '@ser/events';
import { MODEL_SIZES } from '@ser/experiments';
import { API_TOKEN_ROLES } from '@ser/store';
import { buildExecutableSchema } from '../executable-schema';
import { fromEnum, toEnum } from './enums';
import { resolvers } from '.';

const schema = buildExecutableSchema(resolvers);
const valuesOf = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);

// The schema's enums spell the platform's closed sets; a value added on either side without the other fails here
// (a store value without its enum value would fail to serialize at run time).
describe('GraphQL enums match the platform values they spell', () => {
  it.each([
    ['RunKind', RUN_KINDS],
    ['RunStatus', RUN_STATUSES],
    ['DatasetFormat', CORPUS_FORMATS],
    ['ApiTokenRole', API_TOKEN_ROLES],
    ['ModelSize', MODEL_SIZES],
    ['EvaluationProtocol', evaluationProtocolSchema.options.map((o) => o.shape.kind.value)],
    // Camel-case config keys, kebab-case deploy names (fop-pretrainer), plus the gateway itself.
    ['PlatformService', [...SERVICE_NAMES.map((n) => n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)), 'gateway']],
  ] as const)('%s', (name, platform) => {
    expect(valuesOf(name).sort()).toEqual(platform.map(toEnum).sort());
    expect(valuesOf(name).map(fromEnum).sort()).toEqual([...platform].sort());
  });
});
