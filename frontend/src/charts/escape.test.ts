import { describe, expect, it } from 'vitest';
import { escapeHtml } from './common';
import { heatmapTooltip, shapeHeatmap } from './heatmap';
import { comparisonOption, type ComparisonRow } from './planComparison';
import { beforeAfterOption, type BeforeAfterRow } from './beforeAfter';

const SCRIPT = '<img src=x onerror="alert(1)">';

type Formatter = (p: Record<string, unknown>) => string;

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters and leaves the rest', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
    expect(escapeHtml('plan 1 – 95 %')).toBe('plan 1 – 95 %');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('chart tooltips render user names as text', () => {
  it('heatmap: host label and host model name', () => {
    const s = shapeHeatmap([{ label: SCRIPT, detail: SCRIPT, utilization: { CPU: [0.5] } }], 'CPU');
    const html = heatmapTooltip(s, 0, 0, 50, () => 'step 0');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('plan comparison: plan names', () => {
    const rows: ComparisonRow[] = [{ label: 'Hosts', unit: 'hosts', values: [3, 4], better: 'lower', chart: true } as ComparisonRow];
    const option = comparisonOption(rows, [SCRIPT, 'ok']) as { tooltip: { formatter: Formatter } };
    const html = option.tooltip.formatter({ seriesIndex: 0, dataIndex: 0 });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });

  it('before/after: series and row labels', () => {
    const option = beforeAfterOption([{ label: SCRIPT, unit: 'kW', before: 2, after: 1 } satisfies BeforeAfterRow]) as { tooltip: { formatter: Formatter } };
    const html = option.tooltip.formatter({ seriesName: SCRIPT, dataIndex: 0 });
    expect(html).not.toContain('<img');
  });
});
