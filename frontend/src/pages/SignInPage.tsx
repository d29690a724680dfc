import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { fetchSignInOptions, signIn, type SignInOptions } from '../api/session';
import { useSession } from '../session';

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/workloads';
}

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [options, setOptions] = useState<SignInOptions>({ password: true, oidc: [] });

  useEffect(() => {
    void fetchSignInOptions().then(setOptions);
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const failed = await signIn(username, password).catch((x: unknown) => `Sign-in failed: ${String(x)}`);
    setBusy(false);
    if (failed) {
      setError(failed);
      return;
    }
    await session.refresh();
    navigate(safeNext(params.get('next')), { replace: true });
  }

  return (
    <section aria-labelledby="sign-in-title" className="sign-in">
      <h1 id="sign-in-title">Sign in</h1>
      <p className="lead">Sign in with the account an administrator gave you. The first administrator's password is set with
        ADMIN_PASSWORD at the first start, or printed once in the service log.</p>
      <form className="panel" onSubmit={submit} data-testid="sign-in-form">
        <label>Username
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label>Password
          <input name="password" type="password" autoComplete="current-password" value={password}
            onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && <p className="error" role="alert" data-testid="sign-in-error">{error}</p>}
        <button type="submit" disabled={busy || !username || !password} data-testid="sign-in">{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
      {options.oidc.length > 0 && (
        <p>Or sign in with {options.oidc.map((o, i) => (
          <span key={o.id}>{i > 0 && ', '}<a href={o.url}>{o.name}</a></span>
        ))}.</p>
      )}
    </section>
  );
}
