// CSV files built in the browser (the plan comparison): RFC 4180 quoting, and text cells a spreadsheet would
// run as a formula (starting with =, +, -, @, tab or CR) prefixed with an apostrophe, as the server's exports do.

export type Cell = string | number | null | undefined;

function cell(v: Cell): string {
  if (v == null || (typeof v === 'number' && !Number.isFinite(v))) return '';
  if (typeof v === 'number') return String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Cell[][]): string {
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
