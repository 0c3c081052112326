import { describe, expect, it } from 'vitest';
import { readTableIsolated } from '../../../server/imports/read-table-isolated';
import { inventoryRows, inventoryWorkbook } from '../../support/import-bombs';

const refusalOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: { code?: string; details?: { code: string; message: string }[] }) => ({ errorCode: error.code, ...error.details?.[0] }));

describe('the import thread', () => {
  it('reads a file and hands back the table', async () => {
    const table = await readTableIsolated(inventoryRows(3), 'liten.csv');
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', header: ['Externt id', 'Namn', 'Typ', 'Beskrivning'] });
    expect(table.rows.map((row) => row.line)).toEqual([2, 3, 4]);
  });

  it('is stopped at its deadline and the file refused as too slow', async () => {
    expect(await refusalOf(readTableIsolated(inventoryWorkbook(10_000), 'stor.xlsx', {}, { heapMb: 128, milliseconds: 1 }))).toMatchObject({ errorCode: 'validation_failed', code: 'too_slow' });
  });

  it('is stopped at its heap limit and the file refused as needing too much memory', async () => {
    expect(await refusalOf(readTableIsolated(inventoryWorkbook(10_000), 'stor.xlsx', {}, { heapMb: 4, milliseconds: 60_000 }))).toMatchObject({ errorCode: 'validation_failed', code: 'too_much_memory' });
  });

  it('refuses a file when four already wait for the one being read', async () => {
    const files = Array.from({ length: 7 }, () => refusalOf(readTableIsolated(inventoryRows(100), 'kö.csv')));
    const outcomes = await Promise.all(files);
    expect(outcomes.filter((outcome) => outcome === undefined)).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome !== undefined)).toEqual([expect.objectContaining({ errorCode: 'rate_limited', code: 'busy' }), expect.objectContaining({ errorCode: 'rate_limited', code: 'busy' })]);
  });
});
