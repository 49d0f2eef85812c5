import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphql, startSpecGateway, type SpecGateway } from '../spec-gateway';
import { DEFAULT_UPLOAD_LIMITS } from './multipart';

const MB = 1_000_000;
type ErrorBody = { errors: Array<{ message: string; extensions: Record<string, unknown> }> };

/** A multipart predict request whose file part is `fileBytes` zero bytes, as one buffer. */
function predictForm(fileBytes: number): FormData {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: 'mutation ($f: Upload) { predict(input: { audio: $f }) { label } }', variables: { f: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.f'] }));
  form.append('0', new Blob([new Uint8Array(fileBytes)], { type: 'audio/wav' }), 'clip.wav');
  return form;
}

// Oversized bodies get a 413 the client can read (not a connection reset); bodies the upload limit allows pass.
describe('request body limit', () => {
  let t: SpecGateway;
  let operator: string;

  beforeAll(async () => {
    t = await startSpecGateway();
    operator = (await t.store.apiTokens.create({ name: 'spec-operator', role: 'operator' })).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers a 20 MB JSON body with 413 and a JSON error naming the limit', async () => {
    const res = await fetch(t.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":"${' '.repeat(20 * MB)}"}` });
    expect(res.status).toBe(413);
    const body = (await res.json()) as ErrorBody;
    expect(body.errors[0]!.extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', maxBodyBytes: DEFAULT_UPLOAD_LIMITS.maxFileBytes + (2 << 20) });
    // The connection survived: the next request is answered.
    expect((await postGraphql(t.gateway.url, { query: '{ __typename }' })).data).toEqual({ __typename: 'Query' });
  });

  it('answers a 20 MB upload sent without a Content-Length (chunked) with 413', async () => {
    const form = new Response(predictForm(20 * MB));
    const res = await fetch(t.gateway.url, {
      method: 'POST',
      headers: { 'content-type': form.headers.get('content-type')!, 'apollo-require-preflight': 'true', authorization: `Bearer ${operator}` },
      body: form.body,
      duplex: 'half',
    } as RequestInit);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('lets an upload as large as the upload limit through to the resolver', async () => {
    const res = await fetch(t.gateway.url, {
      method: 'POST',
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${operator}` },
      body: predictForm(DEFAULT_UPLOAD_LIMITS.maxFileBytes),
    });
    // The inference service is unreachable here: reaching it is what shows the body was accepted.
    const body = (await res.json()) as ErrorBody;
    expect(body.errors[0]!.extensions.code, body.errors[0]!.message).toBe('SERVICE_UNAVAILABLE');
  });

  it('keeps a smaller limit for JSON documents than for uploads', async () => {
    const res = await fetch(t.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":"${' '.repeat(2 * MB)}"}` });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).errors[0]!.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxJsonBytes: 1 << 20 });
  });
});
