import { useRef, useState, type DragEvent } from 'react';
import { useNavigate } from 'react-router';
import { workloadsApi, type TraceFormat, type Workload } from '../api/workloads';
import { fetchSample, SAMPLES } from '../api/samples';
import { ErrorBox } from '../components/Status';
import { bytes } from '../format';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; total: number; fileName: string }
  | { kind: 'processing'; fileName: string }
  | { kind: 'failed'; error: unknown; fileName: string }
  | { kind: 'checked'; workload: Workload; fileName: string };

interface Submission {
  file: Blob;
  fileName: string;
  inventory?: Blob;
  inventoryName?: string;
  name?: string;
  format: TraceFormat;
  vmProfile?: string;
  start?: string;
  validateOnly?: boolean;
}

/** A datetime-local value read as UTC ("2011-03-03T00:00" → "2011-03-03T00:00:00Z"); blank → undefined. */
export function startInstant(local: string): string | undefined {
  const t = local.trim();
  if (!t) return undefined;
  return /T\d\d:\d\d$/.test(t) ? `${t}:00Z` : `${t}Z`;
}

/** Trace upload (drag-and-drop or pick) with byte progress, then the server's processing state. */
export function UploadPanel({ onUploaded }: { onUploaded: (w: Workload) => void }) {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [inventory, setInventory] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [format, setFormat] = useState<TraceFormat>('auto');
  const [vmProfile, setVmProfile] = useState('');
  const [start, setStart] = useState('');
  const [over, setOver] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [sample, setSample] = useState(SAMPLES[0].file);
  const abortRef = useRef<(() => void) | null>(null);
  const busy = phase.kind === 'uploading' || phase.kind === 'processing';

  function send(s: Submission) {
    setPhase({ kind: 'uploading', sent: 0, total: s.file.size, fileName: s.fileName });
    const up = workloadsApi.upload(
      s,
      (sent, total) => setPhase({ kind: 'uploading', sent, total: total || s.file.size, fileName: s.fileName }),
      () => setPhase({ kind: 'processing', fileName: s.fileName }),
    );
    abortRef.current = up.abort;
    up.promise.then(
      (w) => {
        if (s.validateOnly) {
          setPhase({ kind: 'checked', workload: w, fileName: s.fileName });
          return;
        }
        setPhase({ kind: 'idle' });
        onUploaded(w);
        navigate(`/workloads/${w.id}`);
      },
      (error) => setPhase({ kind: 'failed', error, fileName: s.fileName }),
    ).finally(() => (abortRef.current = null));
  }

  function submit(e: { preventDefault(): void }, validateOnly = false) {
    e.preventDefault();
    if (!file) return;
    send({
      file, fileName: file.name, inventory: inventory ?? undefined, inventoryName: inventory?.name,
      name: name.trim() || undefined, format, vmProfile: vmProfile || undefined, start: startInstant(start), validateOnly,
    });
  }

  async function loadSample() {
    const s = SAMPLES.find((x) => x.file === sample)!;
    setPhase({ kind: 'processing', fileName: s.file });
    try {
      const blob = await fetchSample(s.file);
      const inv = s.inventory ? await fetchSample(s.inventory) : undefined;
      send({ file: blob, fileName: s.file, inventory: inv, inventoryName: s.inventory, name: `Sample ${s.file}`, format: s.format, vmProfile: s.vmProfile });
    } catch (error) {
      setPhase({ kind: 'failed', error, fileName: s.file });
    }
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files?.[0];
    if (f) setFile(f);
  }

  return (
    <div className="panel" aria-labelledby="upload-title">
      <h2 id="upload-title" style={{ marginTop: 0 }}>Upload a trace</h2>
      <form onSubmit={submit}>
        <div
          className={`drop ${over ? 'over' : ''}`}
          onDragOver={(e) => { e.preventDefault(); setOver(true); }}
          onDragLeave={() => setOver(false)}
          onDrop={drop}
        >
          <label htmlFor="trace-file">Trace file (.csv, .json, .zip, .tar, or any of them .gz)</label>
          <input id="trace-file" type="file" accept=".zip,.csv,.txt,.json,.gz,.tgz,.tar,.xlsx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <p className="hint">{file ? `${file.name} — ${bytes(file.size)}` : 'Drop a file here or pick one. PlanetLab and Bitbrains folders go in as a .zip.'}</p>
        </div>
        <div className="fields">
          <div className="field">
            <label htmlFor="trace-format">Format</label>
            <select id="trace-format" value={format} onChange={(e) => setFormat(e.target.value as TraceFormat)}>
              <option value="auto">Detect automatically</option>
              <option value="planetlab">PlanetLab (CPU % per line)</option>
              <option value="bitbrains">Bitbrains GWA-T-12</option>
              <option value="csv">Generic long CSV</option>
              <option value="vcenter">vCenter statistics (PowerCLI Get-Stat)</option>
              <option value="aria">Aria Operations statistics (Get-OMStat or vrops-export CSV)</option>
              <option value="prometheus">Prometheus range queries (JSON)</option>
              <option value="azure">Azure Public Dataset</option>
              <option value="alibaba">Alibaba cluster-trace v2018</option>
              <option value="google">Google cluster-data 2019</option>
              <option value="rvtools">RVTools export alone (a one-step snapshot)</option>
            </select>
            <p className="hint">Auto-detect reads the file's shape; pick one to force it.</p>
          </div>
          <div className="field">
            <label htmlFor="trace-name">Name</label>
            <input id="trace-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="defaults to the file name" />
            <p className="hint">How the workload is listed.</p>
          </div>
          <div className="field">
            <label htmlFor="inventory-file">Inventory CSV or RVTools export (optional)</label>
            <input id="inventory-file" type="file" accept=".csv,.xlsx,.zip" onChange={(e) => setInventory(e.target.files?.[0] ?? null)} />
            <p className="hint">VM sizes, guest OS, paravirtualization capability, workload class; an RVTools .xlsx also records today's hosts.</p>
          </div>
          <div className="field">
            <label htmlFor="vm-profile">VM size profile</label>
            <select id="vm-profile" value={vmProfile} onChange={(e) => setVmProfile(e.target.value)}>
              <option value="">Server default</option>
              <option value="cloudsim">CloudSim (4 VM types)</option>
            </select>
            <p className="hint">Sizes VMs when the trace has CPU % only and no inventory.</p>
          </div>
          <div className="field">
            <label htmlFor="trace-start">Start time (UTC)</label>
            <input id="trace-start" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
            <p className="hint">For files without timestamps (PlanetLab, Azure, Alibaba, Google). Blank: from the file name, else 1970-01-01.</p>
          </div>
        </div>
        <div className="actions">
          <button type="submit" disabled={!file || busy}>Upload</button>
          <button type="button" className="secondary" disabled={!file || busy} onClick={(e) => submit(e, true)}
            title="Read and check the whole file; store nothing" data-testid="check-only">Check only</button>
          {phase.kind === 'uploading' && <button type="button" className="secondary" onClick={() => abortRef.current?.()}>Cancel</button>}
        </div>
      </form>
      <div className="actions" role="group" aria-label="Load a sample">
        <label htmlFor="sample" style={{ margin: 0 }}>New here? Load a sample:</label>
        <select id="sample" value={sample} onChange={(e) => setSample(e.target.value)}>
          {SAMPLES.map((s) => <option key={s.file} value={s.file}>{s.label}</option>)}
        </select>
        <button type="button" className="secondary" onClick={loadSample} disabled={busy} data-testid="load-sample">Load sample</button>
      </div>
      <div aria-live="polite">
        {phase.kind === 'uploading' && (
          <div data-testid="upload-progress">
            <label htmlFor="upload-bar">Uploading {phase.fileName}: {bytes(phase.sent)} of {bytes(phase.total)}</label>
            <progress id="upload-bar" max={phase.total || 1} value={phase.sent} />
          </div>
        )}
        {phase.kind === 'processing' && (
          <p className="loading" role="status"><span className="spinner" aria-hidden="true" /> Processing {phase.fileName} on the server…</p>
        )}
        {phase.kind === 'checked' && <CheckedSummary workload={phase.workload} fileName={phase.fileName} />}
        {phase.kind === 'failed' && <ErrorBox error={phase.error} title={`Upload of ${phase.fileName} failed`} />}
      </div>
    </div>
  );
}

/** What a validate-only upload would store: nothing was stored. */
function CheckedSummary({ workload: w, fileName }: { workload: Workload; fileName: string }) {
  return (
    <div className="panel" role="status" data-testid="check-result">
      <strong>{fileName} reads cleanly; nothing was stored.</strong>
      <p>
        It would be stored as {w.vmCount.toLocaleString()} VM{w.vmCount === 1 ? '' : 's'} × {w.steps.toLocaleString()} steps of {w.stepSeconds} s,
        {' '}{new Date(w.start).toISOString().replace('.000Z', 'Z')} to {new Date(w.end).toISOString().replace('.000Z', 'Z')}
        {w.sampleCount != null ? `, ${w.sampleCount.toLocaleString()} samples` : ''} ({w.format}).
      </p>
      {w.warnings && w.warnings.length > 0 && (
        <ul>{w.warnings.map((t, i) => <li key={i}>{t}</li>)}</ul>
      )}
    </div>
  );
}
