import type { ReactNode } from 'react';
import { errorMessage, ApiError, describeProblem, problemErrors } from '../api/client';

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function ErrorBox({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const p = error instanceof ApiError ? error.problem : undefined;
  const rows = p ? problemErrors(p) : { total: 0, listed: [] };
  return (
    <div className="error" role="alert" data-testid="error">
      <strong>{title ?? p?.title ?? 'Something went wrong'}</strong>
      <p className="error-message">{errorMessage(error)}</p>
      {p && (p.file || p.line != null || p.field) && (
        <dl className="error-where">
          {p.file && (<><dt>File</dt><dd>{p.file}</dd></>)}
          {p.line != null && (<><dt>Line</dt><dd>{p.line}</dd></>)}
          {p.field && (<><dt>Field</dt><dd>{p.field}</dd></>)}
        </dl>
      )}
      {rows.total > 1 && (
        <details className="error-list" open data-testid="error-list">
          <summary>
            {rows.total.toLocaleString()} errors in all
            {rows.listed.length < rows.total ? `; the first ${rows.listed.length} are listed` : ''}
          </summary>
          <ol>
            {rows.listed.map((e, i) => <li key={i}>{describeProblem(e)}</li>)}
          </ol>
        </details>
      )}
      {onRetry && <button type="button" onClick={onRetry}>Retry</button>}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}
