import type { ReactNode } from 'react';

/** A labelled form control with a one-line hint under it. */
export function Field({ id, label, hint, children }: { id: string; label: string; hint: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      <p className="hint" id={`${id}-hint`}>{hint}</p>
    </div>
  );
}
