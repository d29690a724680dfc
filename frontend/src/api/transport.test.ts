import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, getJson, postForLocation, uploadForm } from './client';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The error a promise rejects with; fails the test if it resolves. */
async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected the request to fail');
}

function problemResponse(status: number, body: object) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

describe('fetch wrapper', () => {
  it('throws an ApiError carrying the problem+json of a failed request', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problemResponse(404, { type: '/problems/not-found', title: 'workload not found', status: 404, detail: 'workload x does not exist' })));
    const err = await failure(getJson('/api/v1/workloads/x'));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(404);
    expect(err.message).toBe('workload x does not exist');
  });

  it('turns a refused connection into a status-0 ApiError', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const err = await failure(getJson('/api/v1/workloads'));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(0);
    expect(err.problem.title).toBe('Network error');
  });

  it('answers the status and Location of a 202', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"id":"p1"}', { status: 202, headers: { Location: '/api/v1/plans/p1' } })));
    const res = await postForLocation<{ id: string }>('/api/v1/plans', {});
    expect(res).toEqual({ status: 202, location: '/api/v1/plans/p1', body: { id: 'p1' } });
  });
});

/** A minimal XMLHttpRequest double: records what is sent and lets a test play the server's part. */
class FakeXhr {
  static last: FakeXhr;
  upload: { onprogress?: (e: { loaded: number; total: number; lengthComputable: boolean }) => void; onload?: () => void } = {};
  status = 0;
  statusText = '';
  responseText = '';
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  onload?: () => void;
  onerror?: () => void;
  onabort?: () => void;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  respond(status: number, body: string) {
    this.upload.onprogress?.({ loaded: 10, total: 10, lengthComputable: true });
    this.upload.onload?.();
    this.status = status;
    this.responseText = body;
    this.onload?.();
  }
}

describe('uploadForm', () => {
  it('reports bytes sent, then resolves with the created workload', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const progress: [number, number][] = [];
    let uploaded = false;
    const up = uploadForm<{ id: string }>('/api/v1/workloads', new FormData(), (s, t) => progress.push([s, t]), () => (uploaded = true));
    FakeXhr.last.respond(201, '{"id":"w1"}');
    await expect(up.promise).resolves.toEqual({ id: 'w1' });
    expect(progress).toEqual([[10, 10]]);
    expect(uploaded).toBe(true);
    expect(FakeXhr.last.method).toBe('POST');
    expect(FakeXhr.last.headers.Accept).toBe('application/json');
  });

  it('rejects with the problem naming file, line and field', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const up = uploadForm('/api/v1/workloads', new FormData(), () => {});
    FakeXhr.last.respond(422, JSON.stringify({ title: 'Malformed trace', status: 422, detail: "'1O24.5' in cpuMhz is not a number", file: 'malformed-example.csv', line: 19, field: 'cpuMhz' }));
    const err = await failure(up.promise);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.message).toBe(`Line 19 of malformed-example.csv field "cpuMhz": '1O24.5' in cpuMhz is not a number`);
  });

  it('rejects as cancelled when aborted', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const up = uploadForm('/api/v1/workloads', new FormData(), () => {});
    up.abort();
    await expect(up.promise).rejects.toMatchObject({ problem: { title: 'Cancelled' } });
  });
});
