import { ApolloProvider } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { createApolloClient } from './apollo/client';
import { readToken, storeToken } from './apollo/token';
import { DatasetsPage } from './pages/DatasetsPage';
import { HistoryPage } from './pages/HistoryPage';
import { ModelsPage } from './pages/ModelsPage';
import { PredictPage } from './pages/PredictPage';
import { RunPage } from './pages/RunPage';
import { RunsPage } from './pages/RunsPage';
import { SignInPage } from './pages/SignInPage';
import { TokensPage } from './pages/TokensPage';
import { Link, navigate, usePath } from './router';

const NAV = [
  { href: '/datasets', label: 'Datasets' },
  { href: '/runs', label: 'Runs' },
  { href: '/models', label: 'Models' },
  { href: '/predict', label: 'Predict' },
  { href: '/history', label: 'History' },
  { href: '/tokens', label: 'Tokens' },
];

function Page({ path }: { path: string }) {
  const run = /^\/runs\/([^/]+)$/.exec(path);
  if (run) return <RunPage id={decodeURIComponent(run[1]!)} />;
  if (path.startsWith('/runs')) return <RunsPage />;
  if (path.startsWith('/models')) return <ModelsPage />;
  if (path.startsWith('/predict')) return <PredictPage />;
  if (path.startsWith('/history')) return <HistoryPage />;
  if (path.startsWith('/tokens')) return <TokensPage />;
  return <DatasetsPage />;
}

export function App() {
  const [token, setToken] = useState(readToken);
  const path = usePath();
  // A new client per token: its headers and its WebSocket's connection_init carry the token.
  const client = useMemo(() => createApolloClient(token), [token]);
  const signIn = (value: string) => {
    storeToken(value);
    setToken(value);
    if (window.location.pathname === '/' || window.location.pathname === '/sign-in') navigate('/datasets');
  };
  const signOut = () => {
    storeToken(null);
    setToken(null);
    void client.clearStore();
  };
  return (
    <ApolloProvider client={client}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <span className="brand">SER console</span>
        {token && (
          <>
            <nav aria-label="Main">
              <ul>
                {NAV.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} aria-current={path.startsWith(item.href) || (path === '/' && item.href === '/datasets') ? 'page' : undefined}>
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <button type="button" className="secondary" onClick={signOut}>
              Sign out
            </button>
          </>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {token ? <Page path={path} /> : <SignInPage onSignIn={signIn} />}
      </main>
    </ApolloProvider>
  );
}
