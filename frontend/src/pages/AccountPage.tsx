import { useState, type FormEvent } from 'react';
import { accountApi, type CreatedToken, type UserInfo } from '../api/account';
import { errorMessage } from '../api/client';
import type { Role } from '../api/session';
import { useAsync } from '../hooks/useAsync';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { dateTime } from '../format';
import { useSession } from '../session';
import { userState } from './userState';

/** The signed-in user's password and API tokens; for admins also users (create, disable, unlock, delete) and the audit log. */
export function AccountPage() {
  const { me } = useSession();
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">Account</h1>
      {me && <p className="lead">Signed in as <strong>{me.username}</strong>, {me.role.toLowerCase()} in workspace <strong>{me.workspace}</strong>.</p>}
      <PasswordChange />
      <Tokens />
      {me?.role === 'ADMIN' && <Users self={me.username} />}
      {me?.role === 'ADMIN' && <Audit />}
    </section>
  );
}

/** At least the server's policy: 12 to 128 characters. */
const MIN_PASSWORD = 12;

function PasswordChange() {
  const [draft, setDraft] = useState({ current: '', next: '', repeat: '' });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const mismatch = draft.repeat !== '' && draft.next !== draft.repeat;
  async function change(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(false);
    try {
      await accountApi.changePassword(draft.current, draft.next);
      setDraft({ current: '', next: '', repeat: '' });
      setDone(true);
    } catch (x) {
      setError(errorMessage(x));
    }
  }
  return (
    <>
      <h2>Password</h2>
      <form className="panel account-form" onSubmit={change}>
        <label>Current password <input type="password" autoComplete="current-password" value={draft.current}
          onChange={(e) => setDraft({ ...draft, current: e.target.value })} data-testid="current-password" /></label>
        <label>New password ({MIN_PASSWORD}+ characters) <input type="password" autoComplete="new-password" value={draft.next}
          maxLength={128} onChange={(e) => setDraft({ ...draft, next: e.target.value })} data-testid="new-password" /></label>
        <label>New password again <input type="password" autoComplete="new-password" value={draft.repeat}
          maxLength={128} onChange={(e) => setDraft({ ...draft, repeat: e.target.value })} data-testid="repeat-password" /></label>
        <button type="submit" disabled={!draft.current || draft.next.length < MIN_PASSWORD || draft.next !== draft.repeat}
          data-testid="change-password">Change password</button>
        {mismatch && <p className="error">The new passwords differ.</p>}
        {error && <p className="error" role="alert">{error}</p>}
        {done && <p role="status">Password changed; your other sessions are signed out (API tokens keep working).</p>}
      </form>
    </>
  );
}

function Tokens() {
  const list = useAsync((signal) => accountApi.tokens(signal), []);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setCreated((await accountApi.createToken(name)) ?? null);
      setName('');
      list.reload();
    } catch (x) {
      setError(errorMessage(x));
    }
  }
  async function revoke(id: string) {
    try {
      await accountApi.revokeToken(id);
      list.reload();
    } catch (x) {
      setError(errorMessage(x));
    }
  }
  return (
    <>
      <h2>API tokens</h2>
      <p>Scripts (scripts/plan.sh, scripts/plan.py) send a token as <code>Authorization: Bearer …</code>; set it in <code>DCP_TOKEN</code>.</p>
      <form className="panel account-form" onSubmit={create}>
        <label>Token name <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} data-testid="token-name" /></label>
        <button type="submit" disabled={!name.trim()} data-testid="create-token">Create token</button>
        {error && <p className="error" role="alert">{error}</p>}
        {created && (
          <p data-testid="created-token">Token <strong>{created.name}</strong>, shown only now: <code>{created.token}</code></p>
        )}
      </form>
      {list.status === 'loading' && !list.data && <Loading what="tokens" />}
      {list.status === 'error' && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && list.data.length === 0 && <Empty>No tokens yet.</Empty>}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">Name</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col" /></tr></thead>
            <tbody>
              {list.data.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td><td>{dateTime(t.createdAt)}</td><td>{t.lastUsedAt ? dateTime(t.lastUsedAt) : 'never'}</td>
                  <td><button type="button" className="link" onClick={() => revoke(t.id)} aria-label={`Revoke token ${t.name}`}>revoke</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Users({ self }: { self: string }) {
  const list = useAsync((signal) => accountApi.users(signal), []);
  const [draft, setDraft] = useState({ username: '', password: '', role: 'VIEWER' as Role, workspace: 'default' });
  const [error, setError] = useState<string | null>(null);
  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await accountApi.createUser(draft);
      setDraft({ ...draft, username: '', password: '' });
      list.reload();
    } catch (x) {
      setError(errorMessage(x));
    }
  }
  async function act(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      list.reload();
    } catch (x) {
      setError(errorMessage(x));
    }
  }
  function remove(u: UserInfo) {
    if (window.confirm(`Delete user ${u.username} and their API tokens? Their sessions end at once.`)) {
      void act(() => accountApi.deleteUser(u.id));
    }
  }
  return (
    <>
      <h2>Users</h2>
      <form className="panel account-form" onSubmit={create}>
        <label>Username <input value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.target.value })} /></label>
        <label>Password (12+ characters) <input type="password" autoComplete="new-password" value={draft.password}
          onChange={(e) => setDraft({ ...draft, password: e.target.value })} /></label>
        <label>Role <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}>
          <option>VIEWER</option><option>PLANNER</option><option>ADMIN</option></select></label>
        <label>Workspace <input value={draft.workspace} onChange={(e) => setDraft({ ...draft, workspace: e.target.value })} /></label>
        <button type="submit">Create user</button>
        {error && <p className="error" role="alert">{error}</p>}
      </form>
      {list.status === 'error' && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && (
        <div className="table-wrap">
          <table data-testid="users">
            <thead><tr><th scope="col">Username</th><th scope="col">Role</th><th scope="col">Workspace</th><th scope="col">Created</th>
              <th scope="col">Sign-in</th><th scope="col" /></tr></thead>
            <tbody>{list.data.map((u) => (
              <tr key={u.id}><td>{u.username}</td><td>{u.role}</td><td>{u.workspace}</td><td>{dateTime(u.createdAt)}</td>
                <td>{userState(u)}</td>
                <td>{u.username !== self && (
                  <>
                    {u.disabled
                      ? <button type="button" className="link" onClick={() => act(() => accountApi.enableUser(u.id))}
                          aria-label={`Enable user ${u.username}`}>enable</button>
                      : <button type="button" className="link" onClick={() => act(() => accountApi.disableUser(u.id))}
                          aria-label={`Disable user ${u.username}`}>disable</button>}
                    {u.lockedUntil && <>{' '}<button type="button" className="link" onClick={() => act(() => accountApi.unlockUser(u.id))}
                      aria-label={`Unlock user ${u.username}`}>unlock</button></>}
                    {' '}<button type="button" className="link" onClick={() => remove(u)} aria-label={`Delete user ${u.username}`}>delete</button>
                  </>
                )}</td></tr>
            ))}</tbody>
          </table>
        </div>
      )}
    </>
  );
}


function Audit() {
  const [offset, setOffset] = useState(0);
  const page = useAsync((signal) => accountApi.audit(offset, signal), [offset]);
  return (
    <>
      <h2>Audit log</h2>
      {page.status === 'error' && <ErrorBox error={page.error} onRetry={page.reload} />}
      {page.data && (
        <>
          <div className="table-wrap">
            <table data-testid="audit-log">
              <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col" className="n">Status</th><th scope="col">From</th></tr></thead>
              <tbody>{page.data.entries.map((e) => (
                <tr key={e.id}><td>{dateTime(e.at)}</td><td>{e.username ?? '—'}{e.workspace ? ` (${e.workspace})` : ''}</td>
                  <td className="wrap">{e.method} {e.path}</td><td className="n">{e.status}</td><td>{e.remoteAddress ?? '—'}</td></tr>
              ))}</tbody>
            </table>
          </div>
          <p>
            <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 50))}>Newer</button>{' '}
            <button type="button" className="secondary" disabled={offset + 50 >= page.data.total} onClick={() => setOffset(offset + 50)}>Older</button>
          </p>
        </>
      )}
    </>
  );
}
