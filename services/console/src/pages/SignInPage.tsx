import { print } from 'graphql';
import { useState, type FormEvent } from 'react';
import { GRAPHQL_PATH } from '../apollo/client';
import { trustedText } from '../apollo/trusted-documents';
import { graphql } from '../gql';

// The cheapest query there is, as a trusted document (a gateway with a safelist refuses any other text).
const SignInCheckQuery = graphql(`
  query SignInCheck {
    __typename
  }
`);

/**
 * Asks for an API token and checks it against the gateway before keeping it: the gateway refuses an unknown token
 * even for reads, so one cheap query tells a typo from a working token.
 */
export function SignInPage({ onSignIn }: { onSignIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (!value) return setError('Paste an API token first.');
    setChecking(true);
    setError(null);
    try {
      const res = await fetch(GRAPHQL_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${value}` },
        body: JSON.stringify({ query: trustedText(SignInCheckQuery, print), operationName: 'SignInCheck' }),
      });
      const body = (await res.json()) as { errors?: Array<{ message: string }> };
      if (body.errors?.length) return setError(`The gateway refused this token: ${body.errors[0]!.message}`);
      onSignIn(value);
    } catch (err) {
      setError(`The gateway could not be reached: ${(err as Error).message}`);
    } finally {
      setChecking(false);
    }
  };

  return (
    <section className="narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <p>
        Paste an API token. <code>npm start</code> writes an admin token to <code>.data/admin.token</code>;{' '}
        <code>npx ser token create --name N --role viewer|operator|admin</code> makes others.
      </p>
      <form onSubmit={submit} className="stack">
        <label htmlFor="token">API token</label>
        <input id="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} aria-describedby="token-help" />
        <small id="token-help">Kept in this browser tab only (sessionStorage) and sent as an Authorization: Bearer header.</small>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={checking}>
          {checking ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
