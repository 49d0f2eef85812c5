import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMetadataStore, type MetadataStore } from '@ser/store';
import { postGraphql, startSpecGateway, type SpecGateway } from '../spec-gateway';

// What a single-page app on another origin needs: a preflight answered for its origin, then an allow-origin header
// on the answer itself; an origin off the list gets neither.
describe('CORS', () => {
  let store: MetadataStore;
  let t: SpecGateway;
  let open: SpecGateway;
  const CONSOLE = 'https://console.example.com';
  const preflight = (gw: SpecGateway, origin: string, requestHeaders = 'authorization, content-type, apollo-require-preflight') =>
    fetch(gw.gateway.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders },
    });

  beforeAll(async () => {
    store = await openMetadataStore({ kind: 'pglite' });
    t = await startSpecGateway({ store, corsOrigins: [CONSOLE] });
    open = await startSpecGateway({ store, corsOrigins: ['*'] });
  });
  afterAll(async () => {
    await t?.stop();
    await open?.stop();
    await store?.close();
  });

  it('answers a preflight from an allowed origin with 204 and the methods and headers a browser app sends', async () => {
    const res = await preflight(t, CONSOLE);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/\bPOST\b/);
    const allowed = res.headers
      .get('access-control-allow-headers')!
      .split(',')
      .map((h) => h.trim());
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'apollo-require-preflight']));
    expect(res.headers.get('access-control-max-age')).toMatch(/^\d+$/);
    expect(res.headers.get('vary')).toMatch(/Origin/);
    // Bearer tokens, not cookies: credentials are never allowed.
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives an origin off the list no allow-origin header, on the preflight or on the request', async () => {
    const res = await preflight(t, 'https://evil.example.com');
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const query = await postGraphql(t.gateway.url, { query: '{ __typename }' }, { headers: { origin: 'https://evil.example.com' } });
    expect(query.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("puts the allowed origin on the GraphQL answer, with Apollo's own Vary kept", async () => {
    const res = await postGraphql(t.gateway.url, { query: '{ __typename }' }, { headers: { origin: CONSOLE } });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ __typename: 'Query' });
    expect(res.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('allows the embedded origins by default and any origin with *', async () => {
    const embedded = await startSpecGateway({ store });
    try {
      expect((await preflight(embedded, 'http://localhost:4000')).headers.get('access-control-allow-origin')).toBe('http://localhost:4000');
      expect((await preflight(embedded, 'http://127.0.0.1:4000')).status).toBe(204);
      expect((await preflight(embedded, CONSOLE)).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await embedded.stop();
    }
    const res = await preflight(open, 'https://anywhere.example.org');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
