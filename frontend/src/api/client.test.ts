import { describe, expect, it } from 'vitest';
import { ApiError, describeProblem, parseProblem, problemErrors } from './client';

describe('parseProblem', () => {
  it('keeps every problem+json member including file, line and field', () => {
    const body = JSON.stringify({
      type: '/problems/malformed-trace', title: 'Malformed trace', status: 422,
      detail: 'cpu value "abc" is not a number', file: 'malformed-example.csv', line: 7, field: 'cpu_mhz',
    });
    const p = parseProblem(422, 'Unprocessable Entity', body);
    expect(p).toMatchObject({ status: 422, title: 'Malformed trace', file: 'malformed-example.csv', line: 7, field: 'cpu_mhz' });
  });

  it('turns a numeric string line into a number', () => {
    expect(parseProblem(400, '', '{"status":400,"line":"12"}').line).toBe(12);
  });

  it('takes the HTTP status when the body has none', () => {
    expect(parseProblem(404, 'Not Found', '{"detail":"gone"}').status).toBe(404);
  });

  it('maps Spring default error bodies (error/message) to title/detail', () => {
    const p = parseProblem(500, '', '{"status":500,"error":"Internal Server Error","message":"boom"}');
    expect(p.title).toBe('Internal Server Error');
    expect(p.detail).toBe('boom');
  });

  it('keeps a short plain-text body as detail and drops HTML pages', () => {
    expect(parseProblem(502, 'Bad Gateway', 'upstream down').detail).toBe('upstream down');
    const html = parseProblem(502, 'Bad Gateway', '<html><body>proxy</body></html>');
    expect(html.detail).toBeUndefined();
    expect(html.title).toBe('Bad Gateway');
  });

  it('survives an empty or broken JSON body', () => {
    expect(parseProblem(500, '', '').title).toBe('HTTP 500');
    expect(parseProblem(500, 'Oops', '{not json').title).toBe('Oops');
  });
});

describe('describeProblem', () => {
  it('names line, file and field before the detail', () => {
    expect(describeProblem({ status: 422, detail: 'not a number', file: 'a.csv', line: 7, field: 'cpu' }))
      .toBe('Line 7 of a.csv field "cpu": not a number');
  });

  it('names the file alone when there is no line', () => {
    expect(describeProblem({ status: 422, detail: 'empty archive', file: 'x.zip' })).toBe('In x.zip: empty archive');
  });

  it('falls back to title then status', () => {
    expect(describeProblem({ status: 409, title: 'Conflict' })).toBe('Conflict');
    expect(describeProblem({ status: 418 })).toBe('HTTP 418');
  });

  it('is the message of ApiError', () => {
    const e = new ApiError({ status: 400, detail: 'bad', line: 3 });
    expect(e.message).toBe('Line 3: bad');
    expect(e.status).toBe(400);
  });
});

describe('getPage', () => {
  it('asks for the page and size and reads the total from X-Total-Count', async () => {
    const seen: string[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (async (url: string) => {
      seen.push(url);
      return new Response(JSON.stringify([{ id: 'a' }]), { status: 200, headers: { 'X-Total-Count': '41' } });
    }) as unknown as typeof fetch;
    try {
      const { getPage } = await import('./client');
      expect(await getPage<{ id: string }>('/api/v1/backtests', 2, 20)).toEqual({ items: [{ id: 'a' }], total: 41 });
      expect(await getPage<{ id: string }>('/api/v1/x?kind=a', 0, 5)).toEqual({ items: [{ id: 'a' }], total: 41 });
      expect(seen).toEqual(['/api/v1/backtests?page=2&size=20', '/api/v1/x?kind=a&page=0&size=5']);
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe('problemErrors', () => {
  it('lists every row error of a refused file with the total count', () => {
    const p = parseProblem(422, '', JSON.stringify({
      status: 422, title: 'Malformed trace', detail: 'cpu value "x" is not a number', file: 'a.csv', line: 3, field: 'cpu',
      errorCount: 250,
      errors: [
        { detail: 'cpu value "x" is not a number', file: 'a.csv', line: 3, field: 'cpu' },
        { detail: 'timestamp "y" is not a time', file: 'a.csv', line: '9', field: 'timestamp' },
      ],
    }));
    const { total, listed } = problemErrors(p);
    expect(total).toBe(250);
    expect(listed.map(describeProblem)).toEqual([
      'Line 3 of a.csv field "cpu": cpu value "x" is not a number',
      'Line 9 of a.csv field "timestamp": timestamp "y" is not a time',
    ]);
  });

  it('is empty for a problem without row errors and ignores malformed entries', () => {
    expect(problemErrors({ status: 400 })).toEqual({ total: 0, listed: [] });
    expect(problemErrors({ status: 422, errors: ['text', null, 3] }).listed).toEqual([]);
  });
});
