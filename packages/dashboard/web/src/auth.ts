// Who the page calls the graph as. Production: the agencies' identity provider sends the user back
// to /dashboard with the bearer token in the address's fragment (`#access_token=…`); the page keeps
// it for the browser tab (sessionStorage) and removes it from the address. Development: the persona
// picker asks the gateway's development issuer (`POST /dev/token`) for a persona's token.
const KEY = 'jiefen.dashboard.token';

export interface Claims {
  sub: string;
  name: string;
  agency: string;
  org: string;
  roles: string[];
  jurisdiction: string;
  exp?: number;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

let memory: string | null = null;

/** Takes a token handed over in the address by the identity provider; true when there was one. */
export function takeTokenFromAddress(): boolean {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = fragment.get('access_token');
  if (!token) return false;
  storeToken(token);
  history.replaceState(null, '', window.location.pathname);
  return true;
}

export function storeToken(token: string): void {
  memory = token;
  storage()?.setItem(KEY, token);
}

export function clearToken(): void {
  memory = null;
  storage()?.removeItem(KEY);
}

/** The current token, unless it has expired. */
export function bearerToken(): string | null {
  const token = memory ?? storage()?.getItem(KEY) ?? null;
  const claims = token ? claimsOf(token) : null;
  if (!token || !claims || (claims.exp && claims.exp * 1000 < Date.now())) return null;
  return token;
}

/** The token's claims, read for display only (the gateway verifies the signature). */
export function claimsOf(token: string): Claims | null {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    return JSON.parse(json) as Claims;
  } catch {
    return null;
  }
}
