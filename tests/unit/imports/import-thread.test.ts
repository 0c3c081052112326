import { describe, expect, it } from 'vitest';
import { readTableIsolated } from '../../../server/imports/read-table-isolated';
import { inventoryRows, inventoryWorkbook } from '../../support/import-bombs';

interface Refused {
  code?: string;
  details?: { code: string; message: string }[];
}

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: Refused) => ({ errorCode: error.code, ...error.details?.[0] }),
  );
const tight = (heapMb: number, milliseconds: number) => ({ heapMb, milliseconds });

describe('the import thread', () => {
  it('reads a file and hands back the table', async () => {
    const table = await readTableIsolated(inventoryRows(3), 'liten.csv');
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', header: ['Externt id', 'Namn', 'Typ', 'Beskrivning'] });
    expect(table.rows.map((row) => row.line)).toEqual([2, 3, 4]);
  });

  it('is stopped at its deadline and the file refused as too slow', async () => {
    const refused = await refusalOf(readTableIsolated(inventoryWorkbook(10_000), 'stor.xlsx', {}, tight(64, 1)));
    expect(refused).toMatchObject({ errorCode: 'validation_failed', code: 'too_slow' });
  });

  it('is stopped at its heap limit and the file refused as needing too much memory', async () => {
    const refused = await refusalOf(readTableIsolated(inventoryWorkbook(10_000), 'stor.xlsx', {}, tight(4, 60_000)));
    expect(refused).toMatchObject({ errorCode: 'validation_failed', code: 'too_much_memory' });
  });

  it('refuses a file when four already wait for the one being read', async () => {
    const files = Array.from({ length: 7 }, () => refusalOf(readTableIsolated(inventoryRows(100), 'kö.csv')));
    const outcomes = await Promise.all(files);
    expect(outcomes.filter((outcome) => outcome === undefined)).toHaveLength(5);
    const busy = expect.objectContaining({ errorCode: 'rate_limited', code: 'busy' });
    expect(outcomes.filter((outcome) => outcome !== undefined)).toEqual([busy, busy]);
  });
});
