import { ApolloLink } from '@apollo/client';
import { print } from 'graphql';
import { Observable } from 'rxjs';
import { trustedText } from './trusted-documents';

/** True when an operation's variables hold a File or Blob anywhere: it must go out as a multipart request. */
export function hasUpload(value: unknown): boolean {
  if (value instanceof Blob) return true;
  if (Array.isArray(value)) return value.some(hasUpload);
  return typeof value === 'object' && value !== null && Object.values(value).some(hasUpload);
}

/** Replaces every Blob with null and records where it was (the spec's object path, e.g. `variables.input.audio`). */
function extractFiles(value: unknown, path: string, files: Array<[string, Blob]>): unknown {
  if (value instanceof Blob) {
    files.push([path, value]);
    return null;
  }
  if (Array.isArray(value)) return value.map((v, i) => extractFiles(v, `${path}.${i}`, files));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, extractFiles(v, `${path}.${k}`, files)]));
  }
  return value;
}

/**
 * A terminating link for operations that carry files: the GraphQL multipart request spec the gateway reads
 * (https://github.com/jaydenseric/graphql-multipart-request-spec). Apollo's HttpLink sends JSON only. The
 * `apollo-require-preflight` header satisfies the gateway's CSRF prevention for multipart bodies.
 */
export function createUploadLink(uri: string, headers: Record<string, string>): ApolloLink {
  return new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const files: Array<[string, Blob]> = [];
        const variables = extractFiles(operation.variables, 'variables', files);
        const body = new FormData();
        body.append('operations', JSON.stringify({ query: trustedText(operation.query, print), variables, operationName: operation.operationName }));
        body.append('map', JSON.stringify(Object.fromEntries(files.map(([path], i) => [String(i), [path]]))));
        files.forEach(([, file], i) => body.append(String(i), file, file instanceof File ? file.name : `upload-${i}`));
        const abort = new AbortController();
        fetch(uri, { method: 'POST', body, headers: { ...headers, 'apollo-require-preflight': 'true' }, signal: abort.signal })
          .then((res) => res.json())
          .then((result) => {
            observer.next(result);
            observer.complete();
          })
          .catch((err: unknown) => observer.error(err));
        return () => abort.abort();
      }),
  );
}
