import { readFileSync } from 'node:fs';
import type { GraphQLFieldResolver, GraphQLScalarType as ScalarType, GraphQLSchema } from 'graphql';
import { buildSchema, GraphQLInterfaceType, GraphQLObjectType, GraphQLScalarType } from './graphql-runtime';

type FieldResolver =
  GraphQLFieldResolver<unknown, unknown> | { subscribe: GraphQLFieldResolver<unknown, unknown>; resolve?: GraphQLFieldResolver<unknown, unknown> };
type ResolveType = (value: unknown) => string | undefined;
export type ResolverMap = Record<string, ScalarType | Record<string, FieldResolver> | { __resolveType: ResolveType }>;

/**
 * schema.graphql with resolvers attached. Schema-first both ways: a resolver for a type or field the schema does
 * not declare is an error at startup, not a silently dead function.
 */
export function buildExecutableSchema(resolvers: ResolverMap): GraphQLSchema {
  const schema = buildSchema(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));
  for (const [typeName, impl] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (impl instanceof GraphQLScalarType) {
      if (!(type instanceof GraphQLScalarType)) throw new Error(`schema.graphql declares no scalar ${typeName}`);
      // buildSchema makes placeholder scalars; give them the real coercions.
      Object.assign(type, { serialize: impl.serialize, parseValue: impl.parseValue, parseLiteral: impl.parseLiteral });
      continue;
    }
    if (type instanceof GraphQLInterfaceType) {
      if (!('__resolveType' in impl)) throw new Error(`resolvers of interface ${typeName} need __resolveType`);
      type.resolveType = impl.__resolveType as ResolveType;
      continue;
    }
    if (!(type instanceof GraphQLObjectType)) throw new Error(`schema.graphql declares no object type ${typeName}`);
    const fields = type.getFields();
    for (const [fieldName, fn] of Object.entries(impl as Record<string, FieldResolver>)) {
      const field = fields[fieldName];
      if (!field) throw new Error(`schema.graphql declares no field ${typeName}.${fieldName}`);
      if (typeof fn === 'function') field.resolve = fn;
      else Object.assign(field, { subscribe: fn.subscribe, resolve: fn.resolve });
    }
  }
  return schema;
}
