import type { HostModel } from '../api/plans';
import { Field } from '../components/Field';
import { hostSpecs, TODAY_RANGES, type TodayDraft, type TodayField, type TodaysHost } from './todayDraft';

/** The message under a field, when it has one. */
function FieldError({ field, errors }: { field: TodayField; errors: Partial<Record<TodayField, string>> }) {
  const e = errors[field];
  return e ? <ul role="alert" className="field-errors" data-testid={`today-error-${field}`}><li>{e}</li></ul> : null;
}

/**
 * New-plan form, "Start from today's placement": today's hosts of the workload's RVTools estate, each mapped to a
 * catalog model, and the move budget (at most N migrations; only when at least X hosts or kW are saved).
 */
export function TodaySection({ draft, hosts, models, errors, onChange }: {
  draft: TodayDraft;
  hosts: TodaysHost[];
  models: HostModel[];
  errors: Partial<Record<TodayField, string>>;
  onChange: (d: TodayDraft) => void;
}) {
  const budget = (field: 'maxMigrations' | 'minHostsSaved' | 'minKwSaved', id: string, label: string, hint: string, placeholder: string) => (
    <Field id={id} label={label} hint={hint}>
      <input id={id} type="number" min={0} max={TODAY_RANGES[field]} step={field === 'minKwSaved' ? 'any' : 1} placeholder={placeholder}
        value={draft[field]} aria-invalid={errors[field] != null} onChange={(e) => onChange({ ...draft, [field]: e.target.value })} />
      <FieldError field={field} errors={errors} />
    </Field>
  );
  return (
    <fieldset data-testid="from-today-section">
      <legend>Start from today&apos;s placement</legend>
      <div className="field">
        <label style={{ display: 'inline-flex', gap: '0.4rem' }}>
          <input type="checkbox" data-testid="from-today" checked={draft.enabled} onChange={(e) => onChange({ ...draft, enabled: e.target.checked })} />
          {' '}Plan from where the VMs run today ({hosts.length} {hosts.length === 1 ? 'host' : 'hosts'} in the RVTools export)
        </label>
        <p className="hint">The pool is today&apos;s hosts; the move budget empties hosts whole, and the plan comes with the action plan to get there.</p>
      </div>
      {draft.enabled && (
        <>
          <div className="table-wrap">
            <table data-testid="today-hosts">
              <thead><tr><th scope="col">Host today</th><th scope="col">Model (vHost)</th><th scope="col">Specs</th><th scope="col" className="n">VMs</th><th scope="col">Catalog model</th></tr></thead>
              <tbody>
                {hosts.map((h) => (
                  <tr key={h.name}>
                    <td>{h.name}</td>
                    <td>{h.model ?? ''}</td>
                    <td>{hostSpecs(h) || 'not in the export'}</td>
                    <td className="n">{h.vms}</td>
                    <td>
                      <select aria-label={`Catalog model of ${h.name}`} value={draft.hostModels[h.name] ?? ''}
                        onChange={(e) => onChange({ ...draft, hostModels: { ...draft.hostModels, [h.name]: e.target.value } })}>
                        {!draft.hostModels[h.name] && <option value="">choose…</option>}
                        {models.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <FieldError field="hostModels" errors={errors} />
          <div className="fields">
            {budget('maxMigrations', 'today-max-migrations', 'Max migrations', 'At most this many live migrations (0 to 1,000,000). Blank: no cap.', 'no cap')}
            {budget('minHostsSaved', 'today-min-hosts', 'Min hosts saved', 'Move only if at least this many hosts are emptied (0 to 100,000). Blank: 1.', '1')}
            {budget('minKwSaved', 'today-min-kw', 'Min kW saved', 'Move only if the emptied hosts\' idle power is at least this (0 to 1,000,000 kW). Blank: 0.', '0')}
          </div>
        </>
      )}
    </fieldset>
  );
}
