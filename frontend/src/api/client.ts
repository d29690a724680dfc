// One fetch wrapper for the whole UI: JSON in/out, and every non-2xx answer turned into an ApiError
// carrying the server's RFC 9457 problem+json (type, title, status, detail + file/line/field).

import { csrfHeaders, signalUnauthorized } from './session';

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  instance?: string;
  file?: string;
  line?: number;
  field?: string;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(describeProblem(problem));
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
}

/** Builds a Problem from a response body, whatever it was (problem+json, other JSON, text, empty). */
export function parseProblem(status: number, statusText: string, body: string): Problem {
  const trimmed = body.trim();
  if (trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed) as Record<string, unknown>;
      const problem: Problem = { ...json, status: typeof json.status === 'number' ? json.status : status };
      if (typeof json.line === 'string' && /^\d+$/.test(json.line)) problem.line = Number(json.line);
      if (typeof problem.title !== 'string' && typeof json.error === 'string') problem.title = json.error;
      if (typeof problem.detail !== 'string' && typeof json.message === 'string') problem.detail = json.message;
      return problem;
    } catch {
      // not JSON after all: fall through to text
    }
  }
  return {
    status,
    title: statusText || `HTTP ${status}`,
    detail: trimmed && !trimmed.startsWith('<') ? trimmed.slice(0, 500) : undefined,
  };
}

/** One readable sentence naming where the problem is: "Line 12 of trace.csv, field cpu: ...". */
export function describeProblem(p: Problem): string {
  const where: string[] = [];
  if (p.line != null) where.push(`line ${p.line}`);
  if (p.file) where.push(where.length ? `of ${p.file}` : `in ${p.file}`);
  if (p.field) where.push(`field "${p.field}"`);
  const text = p.detail || p.title || `HTTP ${p.status}`;
  if (!where.length) return text;
  const prefix = where.join(' ');
  return `${prefix.charAt(0).toUpperCase()}${prefix.slice(1)}: ${text}`;
}

/** Every row error a refused upload carried ({@code errors}, the first 100) and how many there were in all. */
export function problemErrors(p: Problem): { total: number; listed: Problem[] } {
  const raw = Array.isArray(p.errors) ? (p.errors as unknown[]) : [];
  const listed = raw
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => parseProblem(p.status, '', JSON.stringify(e)));
  const total = typeof p.errorCount === 'number' ? Math.max(p.errorCount, listed.length) : listed.length;
  return { total, listed };
}

async function failure(res: Response): Promise<ApiError> {
  let body = '';
  try {
    body = await res.text();
  } catch {
    // body unreadable: the status alone will have to do
  }
  return new ApiError(parseProblem(res.status, res.statusText, body));
}

export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  const headers = { ...csrfHeaders(init.method ?? 'GET'), ...(init.headers as Record<string, string> | undefined) };
  try {
    res = await fetch(path, { ...init, headers });
  } catch (e) {
    throw new ApiError({ status: 0, title: 'Network error', detail: `The server could not be reached (${String(e)})` });
  }
  if (res.status === 401) signalUnauthorized();
  if (!res.ok) throw await failure(res);
  return res;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await request(path, { headers: { Accept: 'application/json' }, signal });
  return (await res.json()) as T;
}

/** One page of a paged list and the list's total (the server's X-Total-Count header; the page's length without it). */
export interface ListPage<T> {
  items: T[];
  total: number;
}

/** GET a paged list (?page=&size=): its items and total. */
export async function getPage<T>(path: string, page: number, size: number, signal?: AbortSignal): Promise<ListPage<T>> {
  const sep = path.includes('?') ? '&' : '?';
  const res = await request(`${path}${sep}page=${page}&size=${size}`, { headers: { Accept: 'application/json' }, signal });
  const items = (await res.json()) as T[];
  const header = res.headers.get('X-Total-Count');
  const total = header != null && /^\d+$/.test(header) ? Number(header) : items.length;
  return { items, total };
}

export async function sendJson<T>(method: string, path: string, body?: unknown): Promise<T | undefined> {
  const res = await request(path, {
    method,
    headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!text) return undefined;
  return JSON.parse(text) as T;
}

export interface SentResponse<T> {
  status: number;
  location: string | null;
  body: T | undefined;
}

/** POST JSON and keep the status + Location header (for 202 Accepted job creation). */
export async function postForLocation<T>(path: string, body: unknown): Promise<SentResponse<T>> {
  const res = await request(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, location: res.headers.get('Location'), body: text ? (JSON.parse(text) as T) : undefined };
}

/** Multipart POST through XMLHttpRequest so the caller sees real upload progress (bytes sent). */
export function uploadForm<T>(
  path: string,
  form: FormData,
  onProgress: (sentBytes: number, totalBytes: number) => void,
  onUploaded?: () => void,
): { promise: Promise<T>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.upload.onload = () => onUploaded?.();
    xhr.onerror = () => reject(new ApiError({ status: 0, title: 'Network error', detail: 'The upload could not reach the server' }));
    xhr.onabort = () => reject(new ApiError({ status: 0, title: 'Cancelled', detail: 'The upload was cancelled' }));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError({ status: xhr.status, title: 'Bad response', detail: 'The server answered with unreadable JSON' }));
        }
      } else {
        if (xhr.status === 401) signalUnauthorized();
        reject(new ApiError(parseProblem(xhr.status, xhr.statusText, xhr.responseText)));
      }
    };
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
