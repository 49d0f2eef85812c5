import type { ASTVisitor, DocumentNode, FragmentDefinitionNode, GraphQLSchema, SelectionSetNode, ValidationContext } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { GraphQLError, Kind, parse } from './graphql-runtime';

export interface QueryLimits {
  /** Deepest field nesting accepted (introspection fields not counted). */
  maxDepth: number;
  /** Highest estimated cost accepted: 1 per field, connection children times `first`. */
  maxCost: number;
}

/** Deep enough for run -> lineage -> parentRun -> lineage -> datasetVersions -> classCounts; cost allows ~100 x 50 rows. */
export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxCost: 5000 };

/** A validation rule refusing operations nested deeper than maxDepth; fragments count where they are spread. */
export function depthLimitRule(maxDepth: number): (ctx: ValidationContext) => ASTVisitor {
  return (ctx) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of ctx.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          // Introspection (__schema, __type) is nested by nature and cheap; tools must be able to run it.
          if (sel.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + depthOf(sel.selectionSet, seen));
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(sel.selectionSet, seen));
        } else {
          const name = sel.name.value;
          const fragment = fragments.get(name);
          if (!fragment || seen.has(name)) continue; // unknown or cyclic spreads are other rules' errors
          deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(op) {
        const depth = depthOf(op.selectionSet, new Set());
        if (depth > maxDepth) {
          // A validation error: clients see GRAPHQL_VALIDATION_FAILED, as for any other invalid document.
          ctx.reportError(new GraphQLError(`query depth ${depth} exceeds the limit of ${maxDepth}`, { nodes: [op] }));
        }
      },
    };
  };
}

/**
 * Each root field is its own resolver call against a service or the store; aliases make as many calls as a client
 * writes (`a1: health … a2000: health`), so every alias pays the whole field, at these prices.
 */
export const ROOT_FIELD_COST = 10;
/** Root fields dearer than ROOT_FIELD_COST: `health` opens a gRPC channel to every service. */
const FIELD_COSTS: Record<string, number> = { 'Query.health': 50 };

/**
 * 1 per field, ROOT_FIELD_COST (or FIELD_COSTS) per root field; a connection's children are paid once per row it
 * may return (`first`, its default included).
 */
function fieldCostEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const roots = new Set<unknown>([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  return ({ type, field, args, childComplexity }) => {
    const own = FIELD_COSTS[`${type.name}.${field.name}`] ?? (roots.has(type) ? ROOT_FIELD_COST : 1);
    const rows = typeof args.first === 'number' ? Math.max(args.first, 1) : 1;
    return own + childComplexity * rows;
  };
}

/** Throws QUERY_TOO_COSTLY when the operation's estimated cost is over maxCost. */
export function checkQueryCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  maxCost: number,
): number {
  let cost: number;
  try {
    cost = getComplexity({ schema, query, variables, operationName, estimators: [fieldCostEstimator(schema)], maxQueryNodes: MAX_QUERY_NODES });
  } catch (err) {
    // Past MAX_QUERY_NODES selections the library stops counting: such a document is over any limit.
    if (/maximum allowed number of nodes/.test((err as Error).message)) throw tooCostly(`query has more than ${MAX_QUERY_NODES} selections`, { maxCost });
    throw err;
  }
  if (cost > maxCost)
    throw tooCostly(`query cost ${cost} exceeds the limit of ${maxCost}; ask for smaller pages or fewer nested connections`, { cost, maxCost });
  return cost;
}

/** Selections counted before a document is refused without a cost (graphql-query-complexity's default). */
const MAX_QUERY_NODES = 10_000;

const tooCostly = (message: string, extensions: Record<string, number>) =>
  new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COSTLY', ...extensions, http: { status: 400 } } });

/**
 * The cost check for operations arriving over graphql-ws (subscriptions, and queries sent there), which Apollo's
 * request pipeline never sees: QUERY_TOO_COSTLY errors for graphql-ws's onSubscribe to answer with, or nothing.
 * Documents that do not parse or validate are left to graphql-ws, which reports those errors itself.
 */
export function wsCostErrors(
  schema: GraphQLSchema,
  payload: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null },
  maxCost: number,
): InstanceType<typeof GraphQLError>[] | undefined {
  let document: DocumentNode;
  try {
    document = parse(payload.query);
  } catch {
    return undefined;
  }
  try {
    checkQueryCost(schema, document, payload.variables ?? undefined, payload.operationName ?? undefined, maxCost);
    return undefined;
  } catch (err) {
    return err instanceof GraphQLError && err.extensions.code === 'QUERY_TOO_COSTLY' ? [err] : undefined;
  }
}
