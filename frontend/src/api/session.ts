// Sign-in state of the UI: who is signed in, the CSRF token every write of the cookie session carries,
// and the "signed out" signal any 401 answer raises (the app then shows the sign-in page).

export type Role = 'VIEWER' | 'PLANNER' | 'ADMIN';

export interface Me {
  username: string;
  role: Role;
  workspace: string;
}

export interface SignInOptions {
  password: boolean;
  oidc: { id: string; name: string; url: string }[];
}

const UNAUTHORIZED_EVENT = 'dcp:unauthorized';

/** The XSRF-TOKEN cookie the server sets (Spring Security's cookie CSRF repository), or null. */
export function csrfToken(cookie: string = typeof document === 'undefined' ? '' : document.cookie): string | null {
  for (const part of cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'XSRF-TOKEN') return decodeURIComponent(value.join('='));
  }
  return null;
}

/** Headers a state-changing request of the cookie session needs: the CSRF token echoed from its cookie. */
export function csrfHeaders(method: string): Record<string, string> {
  if (['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())) return {};
  const token = csrfToken();
  return token ? { 'X-XSRF-TOKEN': token } : {};
}

/** Tells the app the session is gone (a 401 from the API). */
export function signalUnauthorized(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
}

export function onUnauthorized(listener: () => void): () => void {
  window.addEventListener(UNAUTHORIZED_EVENT, listener);
  return () => window.removeEventListener(UNAUTHORIZED_EVENT, listener);
}

/** Whether this role may upload, plan and delete (PLANNER and ADMIN). */
export function canWrite(me: Me | null): boolean {
  return me != null && me.role !== 'VIEWER';
}

/** The signed-in user, or null when there is none (401). */
export async function fetchMe(): Promise<Me | null> {
  const res = await fetch('/api/v1/me', { headers: { Accept: 'application/json' } });
  if (res.status === 401) return null;
  if (!res.ok) throw new Error(`Could not read the signed-in user (HTTP ${res.status})`);
  return (await res.json()) as Me;
}

export async function fetchSignInOptions(): Promise<SignInOptions> {
  const res = await fetch('/api/v1/sign-in-options', { headers: { Accept: 'application/json' } });
  if (!res.ok) return { password: true, oidc: [] };
  return (await res.json()) as SignInOptions;
}

/** Form sign-in; resolves to an error sentence, or null when signed in. */
export async function signIn(username: string, password: string): Promise<string | null> {
  if (!csrfToken()) await fetch('/api/v1/sign-in-options'); // any answer sets the XSRF-TOKEN cookie
  const res = await fetch('/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', ...csrfHeaders('POST') },
    body: new URLSearchParams({ username, password }).toString(),
  });
  if (res.ok) return null;
  if (res.status === 401) return 'Unknown username or wrong password.';
  return `Sign-in failed (HTTP ${res.status}); reload the page and try again.`;
}

export async function signOut(): Promise<void> {
  await fetch('/logout', { method: 'POST', headers: csrfHeaders('POST') });
}
