// The API token lives in sessionStorage: it survives reloads of this tab and is gone when the tab closes, and it is
// never sent as a cookie (the gateway reads it from the Authorization header only).
const KEY = 'ser.apiToken';

export function readToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}
