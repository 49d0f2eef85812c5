import type { ASTVisitor, DocumentNode, FragmentDefinitionNode, GraphQLSchema, SelectionSetNode, ValidationContext } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { GraphQLError, Kind } from './graphql-runtime';

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

// A connection's children are paid once per row it may return.
const connectionEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' ? 1 + childComplexity * Math.max(args.first, 1) : undefined;

/** Throws QUERY_TOO_COSTLY when the operation's estimated cost is over maxCost. */
export function checkQueryCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  maxCost: number,
): number {
  const cost = getComplexity({ schema, query, variables, operationName, estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })] });
  if (cost > maxCost) {
    throw new GraphQLError(`query cost ${cost} exceeds the limit of ${maxCost}; ask for smaller pages or fewer nested connections`, {
      extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost, http: { status: 400 } },
    });
  }
  return cost;
}
