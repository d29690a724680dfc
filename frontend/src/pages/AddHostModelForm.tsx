import { useState, type FormEvent } from 'react';
import { plansApi, type HostModel } from '../api/plans';
import { ApiError } from '../api/client';
import { ErrorBox } from '../components/Status';
import { Field } from '../components/Field';
import { DRAFT_FIELD, EMPTY_DRAFT, toHostModelBody, type HostModelDraft } from './hostModelDraft';

type TextField = Exclude<keyof HostModelDraft, 'hardwareAssist'>;

const INPUTS: { key: TextField; label: string; hint: string; numeric?: boolean; wide?: boolean }[] = [
  { key: 'id', label: 'Id', hint: 'What plans and scripts call it: lower-case letters, digits, ".", "_" or "-".' },
  { key: 'name', label: 'Name', hint: 'Shown in the UI; defaults to the id.' },
  { key: 'cores', label: 'Cores', hint: 'Physical cores (or vCPUs you sell per host).', numeric: true },
  { key: 'coreMhz', label: 'MHz per core', hint: 'CPU capacity = cores × MHz per core.', numeric: true },
  { key: 'memoryGib', label: 'Memory (GiB)', hint: 'Memory the VMs may use.', numeric: true },
  { key: 'diskMBps', label: 'Disk (MB/s)', hint: 'Disk throughput capacity.', numeric: true },
  { key: 'networkMBps', label: 'Network (MB/s)', hint: 'Network throughput capacity (125 MB/s = 1 Gbit/s).', numeric: true },
  { key: 'rackUnits', label: 'Rack units', hint: 'Height in the rack (U).', numeric: true },
  { key: 'purchaseCost', label: 'Price ($)', hint: 'Purchase cost per host.', numeric: true },
  { key: 'yearlyMaintenanceCost', label: 'Maintenance ($/year)', hint: 'Support contract and repairs per host and year.', numeric: true },
  { key: 'powerWatts', label: 'Power curve (W at 0, 10, …, 100 % load)', hint: '11 numbers, non-decreasing, e.g. from the model\'s SPECpower_ssj2008 result.', wide: true },
  { key: 'source', label: 'Source', hint: 'Where the figures come from (optional).', wide: true },
];

/** Form that adds a custom server model to the catalog (POST /api/v1/host-models). */
export function AddHostModelForm({ onAdded }: { onAdded: (model: HostModel) => void }) {
  const [draft, setDraft] = useState<HostModelDraft>(EMPTY_DRAFT);
  const [error, setError] = useState<{ error: unknown; field?: keyof HostModelDraft } | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: keyof HostModelDraft, value: string | boolean) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const converted = toHostModelBody(draft);
    if ('error' in converted) {
      setError({ error: new ApiError({ status: 400, title: 'Invalid power curve', detail: converted.error, field: 'powerWatts' }), field: converted.field });
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const added = await plansApi.addHostModel(converted.body);
      setDraft(EMPTY_DRAFT);
      onAdded(added!);
    } catch (err) {
      const field = err instanceof ApiError && err.problem.field ? DRAFT_FIELD[err.problem.field] : undefined;
      setError({ error: err, field });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="panel" onSubmit={submit} data-testid="add-model-form" aria-labelledby="add-model-title" noValidate>
      <h2 id="add-model-title" style={{ marginTop: 0, fontSize: '1.1rem' }}>Add a server model</h2>
      <p className="hint">Your own hardware, to plan onto what you already own or are about to buy. Custom models are stored in the database and can be used by every plan.</p>
      <div className="fields">
        {INPUTS.map((f) => (
          <div key={f.key} style={f.wide ? { gridColumn: '1 / -1' } : undefined}>
            <Field id={`hm-${f.key}`} label={f.label} hint={f.hint}>
              <input id={`hm-${f.key}`} value={draft[f.key]} inputMode={f.numeric ? 'decimal' : undefined}
                aria-invalid={error?.field === f.key || undefined} aria-describedby={`hm-${f.key}-hint`}
                placeholder={f.key === 'powerWatts' ? 'e.g. 54, 78, 89, 98, 106, 114, 123, 136, 153, 177, 231' : undefined}
                onChange={(e) => set(f.key, e.target.value)} style={f.wide ? { width: '100%' } : undefined} />
            </Field>
          </div>
        ))}
        <div className="field">
          <label style={{ display: 'inline-flex', gap: '0.4rem' }}>
            <input type="checkbox" id="hm-hardwareAssist" checked={draft.hardwareAssist} onChange={(e) => set('hardwareAssist', e.target.checked)} /> Hardware-assisted virtualization
          </label>
          <p className="hint">VT-x/AMD-V with nested paging; plans with that approach use only such hosts.</p>
        </div>
      </div>
      {error && <ErrorBox error={error.error} title="The model was not added" />}
      <div className="actions">
        <button type="submit" disabled={saving} data-testid="add-model">{saving ? 'Adding…' : 'Add model'}</button>
      </div>
    </form>
  );
}
