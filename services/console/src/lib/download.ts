import { readToken } from '../apollo/token';

/**
 * Saves a file the gateway serves behind the same access as queries (ModelVersion.downloadUrl). A plain link cannot
 * send the Authorization header, so the file is fetched with the signed-in token and saved from a blob URL; the
 * gateway's JSON error (unknown version, a kind without an export) becomes the thrown message.
 */
export async function downloadWithToken(path: string, fallbackName: string): Promise<void> {
  const token = readToken();
  const res = await fetch(new URL(path, window.location.href), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { errors?: Array<{ message: string }> } | null;
    throw new Error(body?.errors?.[0]?.message ?? `download failed: HTTP ${res.status}`);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
