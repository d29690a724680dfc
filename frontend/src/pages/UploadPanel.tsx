import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { workloadsApi, type TraceFormat, type Workload } from '../api/workloads';
import { fetchSample, SAMPLES } from '../api/samples';
import { ErrorBox } from '../components/Status';
import { bytes } from '../format';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; total: number; fileName: string }
  | { kind: 'processing'; fileName: string }
  | { kind: 'failed'; error: unknown; fileName: string };

interface Submission {
  file: Blob;
  fileName: string;
  inventory?: Blob;
  inventoryName?: string;
  name?: string;
  format: TraceFormat;
  vmProfile?: string;
}

/** Trace upload (drag-and-drop or pick) with byte progress, then the server's processing state. */
export function UploadPanel({ onUploaded }: { onUploaded: (w: Workload) => void }) {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [inventory, setInventory] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [format, setFormat] = useState<TraceFormat>('auto');
  const [vmProfile, setVmProfile] = useState('');
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
        setPhase({ kind: 'idle' });
        onUploaded(w);
        navigate(`/workloads/${w.id}`);
      },
      (error) => setPhase({ kind: 'failed', error, fileName: s.fileName }),
    ).finally(() => (abortRef.current = null));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    send({
      file, fileName: file.name, inventory: inventory ?? undefined, inventoryName: inventory?.name,
      name: name.trim() || undefined, format, vmProfile: vmProfile || undefined,
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
          <input id="trace-file" type="file" accept=".zip,.csv,.txt,.json,.gz,.tgz,.tar" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
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
              <option value="prometheus">Prometheus range queries (JSON)</option>
              <option value="azure">Azure Public Dataset</option>
              <option value="alibaba">Alibaba cluster-trace v2018</option>
              <option value="google">Google cluster-data 2019</option>
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
        </div>
        <div className="actions">
          <button type="submit" disabled={!file || busy}>Upload</button>
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
        {phase.kind === 'failed' && <ErrorBox error={phase.error} title={`Upload of ${phase.fileName} failed`} />}
      </div>
    </div>
  );
}
