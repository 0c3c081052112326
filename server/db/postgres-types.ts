import { types } from 'pg';

/**
 * Column values come back as the same JavaScript types on both engines, so the Kysely types in
 * schema.ts hold for both and no store branches on the engine. PostgreSQL keeps flags as boolean
 * and instants as timestamptz (migration 027); SQLite keeps integer 0/1 and ISO 8601 text.
 */
const oids = { bool: 16, int8: 20, timestamptz: 1184, numeric: 1700 } as const;

/** count(*) and sum() are int8 and numeric, which pg hands over as strings; ours are far below 2^53. */
const toNumber = Number;

/** A flag reads back as 1 or 0, as SQLite stores it (and any boolean a query selects, e.g. exists(…), alike). */
const flagNumber = (value: string) => (value === 't' ? 1 : 0);

const postgresInstant = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))?([+-]\d\d)(?::?(\d\d))?(?::?(\d\d))?$/;

/**
 * A timestamptz as `new Date().toISOString()` writes it ('2026-12-01T18:34:24.123Z'), from
 * PostgreSQL's text output ('2026-12-01 18:34:24.123+00'; the pool's TimeZone is UTC, trailing
 * zeros of the fraction are left out, microseconds beyond the millisecond are cut as Date does).
 * A stored instant that Sigill wrote reads back byte for byte what it wrote: the audit chain and
 * `npm run db:copy` compare stored text. Infinity and years outside 0000–9999 come back as given.
 */
export function isoInstant(value: string): string {
  const match = postgresInstant.exec(value);
  if (!match) return value;
  const [, year, month, day, hour, minute, second, fraction = '', offsetHours, offsetMinutes = '00', offsetSeconds] = match;
  const local = `${year}-${month}-${day}T${hour}:${minute}:${second}.${fraction.padEnd(3, '0').slice(0, 3)}Z`;
  if (offsetHours === '+00' && offsetMinutes === '00' && offsetSeconds === undefined) return local;
  // Another session zone than the pool's (a person's psql, say): the same instant, said in UTC.
  const sign = offsetHours!.startsWith('-') ? -1 : 1;
  const offsetMs = sign * ((Math.abs(Number(offsetHours)) * 60 + Number(offsetMinutes)) * 60 + Number(offsetSeconds ?? 0)) * 1000;
  return new Date(new Date(local).getTime() - offsetMs).toISOString();
}

/** The pool's type parsers: the ones above, pg's own for everything else. */
export function typeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === oids.int8 || oid === oids.numeric) return toNumber;
  if (oid === oids.bool) return flagNumber;
  if (oid === oids.timestamptz) return isoInstant;
  return types.getTypeParser(oid, format as 'text');
}
