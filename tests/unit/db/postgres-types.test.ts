import { describe, expect, it } from 'vitest';
import { isoInstant, typeParser } from '../../../server/db/postgres-types';

/** PostgreSQL prints the fraction without trailing zeros: what it prints of an ISO instant, in UTC. */
const printed = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)}${iso.slice(19, 23).replace(/\.?0+$/, '')}+00`;

/** PostgreSQL's text output of flags and instants, read back as SQLite keeps them (issue 16, typed columns). */
describe('the PostgreSQL pool reads typed columns as SQLite stores them', () => {
  it('reads a timestamptz printed in UTC as toISOString wrote it, trailing zeros of the fraction put back', () => {
    expect(isoInstant('2026-12-01 18:34:24.123+00')).toBe('2026-12-01T18:34:24.123Z');
    expect(isoInstant('2026-12-01 18:34:24.12+00')).toBe('2026-12-01T18:34:24.120Z');
    expect(isoInstant('2026-12-01 18:34:24.1+00')).toBe('2026-12-01T18:34:24.100Z');
    expect(isoInstant('2026-12-01 18:34:24+00')).toBe('2026-12-01T18:34:24.000Z');
    expect(isoInstant('2000-01-01 00:00:00+00')).toBe('2000-01-01T00:00:00.000Z');
  });

  it('cuts microseconds as Date does, and converts another session zone to UTC', () => {
    expect(isoInstant('2026-12-01 18:34:24.123999+00')).toBe('2026-12-01T18:34:24.123Z');
    expect(isoInstant('2026-12-01 19:34:24.123+01')).toBe('2026-12-01T18:34:24.123Z');
    expect(isoInstant('2026-12-01 13:04:24.5-05:30')).toBe('2026-12-01T18:34:24.500Z');
    expect(isoInstant('2027-01-01 00:30:00+01')).toBe('2026-12-31T23:30:00.000Z');
  });

  it('reads what is no four-digit-year instant as given', () => {
    expect(isoInstant('infinity')).toBe('infinity');
    expect(isoInstant('0044-03-15 12:00:00+00 BC')).toBe('0044-03-15 12:00:00+00 BC');
  });

  it('every instant toISOString writes survives PostgreSQL printing it and the pool reading it', () => {
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2026, 0, 1) + 2000; ms += 7) {
      const iso = new Date(ms).toISOString();
      expect(isoInstant(printed(iso))).toBe(iso);
    }
  });

  it('reads a boolean as 1 or 0, and numbers as numbers', () => {
    const bool = typeParser(16);
    expect([bool('t'), bool('f')]).toEqual([1, 0]);
    expect(typeParser(20)('9007199254740991')).toBe(9_007_199_254_740_991);
    expect(typeParser(1700)('12.5')).toBe(12.5);
    expect(typeParser(1184)('2026-12-01 18:34:24.5+00')).toBe('2026-12-01T18:34:24.500Z');
  });
});
