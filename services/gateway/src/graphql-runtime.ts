import { createRequire } from 'node:module';

/**
 * graphql-js, loaded the way Node loads it for Apollo, graphql-ws and graphql-query-complexity (its CommonJS
 * entry). graphql 16 ships CommonJS and an .mjs build without an exports map, so a bundler-style resolver (vitest)
 * would hand our own `import from 'graphql'` the .mjs copy; two copies reject each other's schemas and errors
 * ("Cannot use GraphQLSchema from another module or realm"). Value imports of graphql in the gateway come from
 * here; type-only imports may name 'graphql' directly.
 */
const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export const {
  GraphQLError,
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLScalarType,
  Kind,
  NoSchemaIntrospectionCustomRule,
  buildSchema,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  valueFromASTUntyped,
} = graphql;
