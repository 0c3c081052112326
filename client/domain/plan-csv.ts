import type { PlanItem } from '../contract/api-types';

export interface CsvColumn {
  header: string;
  value(item: PlanItem): string;
}

function cell(value: string): string {
  // Excel reads a leading =, +, - or @ as a formula: neutralise it so a note can never run as one.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Semicolon-separated with a BOM, as Swedish Excel opens it; one row per plan item. */
export function planCsv(items: readonly PlanItem[], columns: readonly CsvColumn[]): string {
  const lines = [columns.map((column) => cell(column.header)).join(';')];
  for (const item of items) lines.push(columns.map((column) => cell(column.value(item))).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
