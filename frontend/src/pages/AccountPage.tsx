import { useState, type FormEvent } from 'react';
import { accountApi, type CreatedToken } from '../api/account';
import { errorMessage } from '../api/client';
import type { Role } from '../api/session';
import { useAsync } from '../hooks/useAsync';
import { Empty, ErrorBox, Loading } from '../components/Status';
import { dateTime } from '../format';
import { useSession } from '../session';

/** API tokens of the signed-in user; for admins also users and the audit log. */
export function AccountPage() {
  const { me } = useSession();
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">Account</h1>
      {me && <p className="lead">Signed in as <strong>{me.username}</strong>, {me.role.toLowerCase()} in workspace <strong>{me.workspace}</strong>.</p>}
      <Tokens />
      {me?.role === 'ADMIN' && <Users />}
      {me?.role === 'ADMIN' && <Audit />}
    </section>
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

function Users() {
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
          <table>
            <thead><tr><th scope="col">Username</th><th scope="col">Role</th><th scope="col">Workspace</th><th scope="col">Created</th></tr></thead>
            <tbody>{list.data.map((u) => (
              <tr key={u.id}><td>{u.username}</td><td>{u.role}</td><td>{u.workspace}</td><td>{dateTime(u.createdAt)}</td></tr>
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
