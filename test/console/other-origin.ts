import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';

/** A page on another origin: the kind of third-party app the CORS allowlist is for. */
export async function startOtherOrigin(port: number): Promise<Server> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>another app</title>'));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

export const originOf = (server: Server): string => `http://127.0.0.1:${(server.address() as { port: number }).port}/`;

export interface ApiAnswer {
  status?: number;
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
  failed?: string;
}

/** POSTs a query with a bearer token from inside the page (so the browser applies CORS): the answer, or the error fetch threw. */
export function callApiFrom(page: Page, url: string, token: string, query: string): Promise<ApiAnswer> {
  return page.evaluate(
    async ({ url, token, query }) => {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        return { status: res.status, ...((await res.json()) as object) };
      } catch (err) {
        return { failed: String(err) };
      }
    },
    { url, token, query },
  );
}
