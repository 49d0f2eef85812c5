import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import type { ApiTokenRole } from '../gql/graphql';
import { ErrorNote } from '../lib/errors';
import { formatTime } from '../lib/format';
import { DataTable } from '../components/DataTable';

const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          role
          createdAt
        }
      }
    }
  }
`);

const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      apiToken {
        id
        name
        role
      }
    }
  }
`);

const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id)
  }
`);

const ROLES: Array<{ role: ApiTokenRole; says: string }> = [
  { role: 'VIEWER', says: 'reads and subscriptions' },
  { role: 'OPERATOR', says: 'also starts runs and predicts' },
  { role: 'ADMIN', says: 'also promotes models and manages tokens' },
];

/** The secret of a token just made: the gateway keeps only its hash, so this is the one time anyone sees it. */
function NewSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard?.writeText(secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <section className="card" aria-labelledby="new-secret-title" role="status">
      <h2 id="new-secret-title">Token “{name}” made</h2>
      <p>Copy it now: it is shown this once and cannot be read again.</p>
      <p>
        <code data-testid="new-token-secret">{secret}</code>
      </p>
      <div className="row">
        <button type="button" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          I have kept it
        </button>
      </div>
    </section>
  );
}

/** API tokens (admin): make one (its secret shown once), list them, revoke one. */
export function TokensPage() {
  const { data, error } = useQuery(ApiTokensQuery);
  const [name, setName] = useState('');
  const [role, setRole] = useState<ApiTokenRole>('VIEWER');
  const [made, setMade] = useState<{ name: string; secret: string } | null>(null);
  const refetchQueries = [ApiTokensQuery];
  const [create, creating] = useMutation(CreateApiTokenMutation, { refetchQueries });
  const [revoke, revoking] = useMutation(RevokeApiTokenMutation, { refetchQueries });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ variables: { input: { name: name.trim(), role } } }).catch(() => null);
    const payload = result?.data?.createApiToken;
    if (payload) {
      setMade({ name: payload.apiToken.name, secret: payload.secret });
      setName('');
    }
  };
  const revokeToken = (id: string, tokenName: string) => {
    if (window.confirm(`Revoke “${tokenName}”? Requests bearing it are refused from then on.`)) void revoke({ variables: { id } }).catch(() => {});
  };
  const tokens = data?.apiTokens.edges.map((e) => e.node) ?? [];

  return (
    <>
      <h1>API tokens</h1>
      <ErrorNote error={error} />
      {made && <NewSecret {...made} onDone={() => setMade(null)} />}
      <section className="card" aria-labelledby="new-token-title">
        <h2 id="new-token-title">Make a token</h2>
        <form className="stack" onSubmit={submit}>
          <label htmlFor="token-name">Name (who or what uses it)</label>
          <input id="token-name" required value={name} onChange={(e) => setName(e.target.value)} />
          <fieldset>
            <legend>Role</legend>
            {ROLES.map((r) => (
              <label key={r.role} className="check">
                <input type="radio" name="role" value={r.role} checked={role === r.role} onChange={() => setRole(r.role)} /> {r.role.toLowerCase()}: {r.says}
              </label>
            ))}
          </fieldset>
          <ErrorNote error={creating.error} />
          <button type="submit" disabled={creating.loading || !name.trim()}>
            Make token
          </button>
        </form>
      </section>
      <ErrorNote error={revoking.error} />
      <DataTable
        scrollLabel="API tokens"
        caption={data ? `${data.apiTokens.totalCount} tokens` : 'Loading tokens…'}
        columns={['Name', 'Role', 'Made', <span className="visually-hidden">Actions</span>]}
      >
        {tokens.map((t) => (
          <tr key={t.id}>
            <td>{t.name}</td>
            <td>{t.role.toLowerCase()}</td>
            <td>{formatTime(t.createdAt)}</td>
            <td>
              <button type="button" className="secondary" onClick={() => revokeToken(t.id, t.name)} disabled={revoking.loading} aria-label={`Revoke ${t.name}`}>
                Revoke
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
