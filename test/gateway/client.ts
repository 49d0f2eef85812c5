export interface GqlResponse<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** GraphQL over HTTP POST, with a bearer token when given; returns status and body whatever the status. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: res.status, ...((await res.json()) as Omit<GqlResponse<T>, 'status'>) };
}

/** A GraphQL multipart request (graphql-multipart-request-spec) with one file at `path` in the variables. */
export async function gqlUpload<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  file: { path: string; name: string; content: Uint8Array },
  token?: string,
): Promise<GqlResponse<T>> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables }));
  form.append('map', JSON.stringify({ 0: [file.path] }));
  form.append('0', new Blob([file.content], { type: 'audio/wav' }), file.name);
  // Apollo's CSRF prevention asks multipart (a "simple" request type) for a header browsers cannot forge cross-site.
  const headers: Record<string, string> = { 'apollo-require-preflight': 'true' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { method: 'POST', headers, body: form });
  return { status: res.status, ...((await res.json()) as Omit<GqlResponse<T>, 'status'>) };
}
