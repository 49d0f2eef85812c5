import { CombinedGraphQLErrors } from '@apollo/client/errors';

/**
 * A person-readable line for a failed operation: the gateway's message, plus the field violations and reasons the
 * services attach under `extensions` (e.g. an unknown config key) when there are any.
 */
export function describeError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors
      .map((e) => {
        const details = e.extensions?.['fieldViolations'] ?? e.extensions?.['violations'] ?? e.extensions?.['reason'];
        return details === undefined ? e.message : `${e.message} (${typeof details === 'string' ? details : JSON.stringify(details)})`;
      })
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {describeError(error)}
    </p>
  );
}
