import type { BenchRow } from './bench-types';

function formatNumber(value: number): string {
  if (Number.isInteger(value) || Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}

/** Prints rows as a fixed-width table; ratio = value / baseline value. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['benchmark', 'figure', 'value', 'unit', 'baseline', 'baseline value', 'ratio', 'target', 'met'];
  const lines = rows.map((row) => [
    row.benchmark,
    row.figure,
    formatNumber(row.value),
    row.unit,
    row.baseline?.name ?? '',
    row.baseline ? formatNumber(row.baseline.value) : '',
    row.baseline && row.baseline.value !== 0 ? `${(row.value / row.baseline.value).toFixed(2)}x` : '',
    row.target ?? '',
    row.met === undefined ? '' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const render = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...lines.map(render)].join('\n');
}
