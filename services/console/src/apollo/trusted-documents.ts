import { getOperationAST, type ASTNode, type DocumentNode } from 'graphql';
import manifest from '../gql/persisted-documents.json';

/**
 * The console's operations exactly as codegen wrote them to the trusted-documents manifest, by operation name.
 * A gateway with a safelist (SER_GATEWAY_TRUSTED_DOCUMENTS pointing at that manifest) runs a query only when its
 * text hashes to an entry, and Apollo's own printing of the same operation differs in layout: so every link sends
 * this text instead. Without a safelist it is just the same query, written compactly.
 */
const TEXT_BY_NAME = new Map<string, string>(
  Object.values(manifest as Record<string, string>).map((text) => [/^(?:query|mutation|subscription)\s+(\w+)/.exec(text)?.[1] ?? '', text]),
);

/** The trusted text of a console operation by its name; `text` for any other (the console has none). */
export function trustedTextByName(name: string | null | undefined, text: string): string {
  return (name && TEXT_BY_NAME.get(name)) || text;
}

/** The same for a document, in the shape of HttpLink's `print` option. */
export function trustedText(document: ASTNode, print: (ast: ASTNode) => string): string {
  const name = document.kind === 'Document' ? getOperationAST(document as DocumentNode)?.name?.value : undefined;
  return (name && TEXT_BY_NAME.get(name)) || print(document);
}
