import { decodeStream } from './pdf-streams';
import { dictOf, nameOf, type PdfObject, PdfSyntaxError, type PdfValue, parseIndirectObject, parseValue } from './pdf-syntax';

/**
 * A PDF read as its chain of revisions (the original file and every incremental update after it),
 * following startxref and /Prev from the end as a reader does. Each revision knows its byte span
 * and which objects its xref section (re)defines, so a verifier can ask what a later update changed.
 */

export type Location = { offset: number; generation: number } | { objectStream: number; index: number };

export interface Revision {
  /** 1 for the original file, counting up with each incremental update. */
  number: number;
  xrefOffset: number;
  /** Where the revision ends: just after its %%EOF, and after the end-of-line that may follow it. */
  end: number;
  endWithEol: number;
  /** Object number → where this revision puts it (at an offset, or inside an object stream), or null where it frees it. */
  entries: Map<number, Location | null>;
  trailer: Map<string, PdfValue>;
}

function eofMarkers(text: string): Map<number, { end: number; endWithEol: number }[]> {
  const markers = new Map<number, { end: number; endWithEol: number }[]>();
  for (const match of text.matchAll(/startxref\s+(\d+)\s+%%EOF/g)) {
    const end = match.index + match[0].length;
    const eol = /^(\r\n|\n|\r)/.exec(text.slice(end, end + 2))?.[0].length ?? 0;
    const list = markers.get(Number(match[1])) ?? [];
    list.push({ end, endWithEol: end + eol });
    markers.set(Number(match[1]), list);
  }
  return markers;
}

/** A classic cross-reference table and its trailer (ISO 32000-1 §7.5.4). */
function readXrefTable(text: string, bytes: Buffer, offset: number): Pick<Revision, 'entries' | 'trailer'> {
  if (!/^\s*xref\b/.test(text.slice(offset, offset + 10))) {
    if (/^\s*\d+\s+\d+\s+obj\b/.test(text.slice(offset, offset + 30))) return readXrefStream(bytes, offset);
    throw new PdfSyntaxError(`no cross-reference table at offset ${offset}`);
  }
  const entries = new Map<number, Location | null>();
  const header = /\s*(\d+)\s+(\d+)[ \t]*(?:\r\n|\r|\n)/y;
  const entry = /(\d{10}) (\d{5}) ([nf])[ \r\n]{0,2}(?:\r\n|\r|\n)?/y;
  let at = text.indexOf('xref', offset) + 4;
  for (;;) {
    const rest = /^\s*trailer\b/.exec(text.slice(at, at + 30));
    if (rest) {
      at += rest[0].length;
      break;
    }
    header.lastIndex = at;
    const section = header.exec(text);
    if (!section) throw new PdfSyntaxError(`unreadable cross-reference section at ${at}`);
    at = header.lastIndex;
    const first = Number(section[1]);
    for (let index = 0; index < Number(section[2]); index += 1) {
      entry.lastIndex = at;
      const line = entry.exec(text);
      if (!line) throw new PdfSyntaxError(`unreadable cross-reference entry at ${at}`);
      at = entry.lastIndex;
      if (first + index === 0) continue;
      entries.set(first + index, line[3] === 'n' ? { offset: Number(line[1]), generation: Number(line[2]) } : null);
    }
  }
  const trailer = dictOf(parseValue(bytes, at));
  if (!trailer) throw new PdfSyntaxError('the trailer is not a dictionary');
  if (trailer.has('XRefStm')) throw new PdfSyntaxError('the file mixes a cross-reference stream into its table, which this verifier does not analyse');
  return { entries, trailer };
}

function numbers(value: PdfValue | undefined): number[] | null {
  if (value?.type !== 'array' || value.items.some((item) => item.type !== 'number')) return null;
  return value.items.map((item) => (item.type === 'number' ? item.value : 0));
}

/** A cross-reference stream (ISO 32000-1 §7.5.8): binary entries of the widths /W gives; its dictionary is the trailer. */
function readXrefStream(bytes: Buffer, offset: number): Pick<Revision, 'entries' | 'trailer'> {
  const object = parseIndirectObject(bytes, offset);
  const trailer = dictOf(object.value);
  const data = decodeStream(object);
  const widths = numbers(trailer?.get('W'));
  if (!trailer || nameOf(trailer.get('Type')) !== 'XRef' || !data || !widths || widths.length !== 3 || widths.some((width) => width < 0 || width > 8)) {
    throw new PdfSyntaxError(`unreadable cross-reference stream at offset ${offset}`);
  }
  const size = trailer.get('Size');
  const index = numbers(trailer.get('Index')) ?? [0, size?.type === 'number' ? size.value : 0];
  const [typeWidth, secondWidth, thirdWidth] = widths as [number, number, number];
  const rowLength = typeWidth + secondWidth + thirdWidth;
  const field = (at: number, width: number) => (width === 0 ? 0 : data.readUIntBE(at, Math.min(width, 6)));
  const entries = new Map<number, Location | null>();
  let row = 0;
  for (let section = 0; section + 1 < index.length; section += 2) {
    for (let number = index[section]!; number < index[section]! + index[section + 1]!; number += 1, row += 1) {
      const at = row * rowLength;
      if (at + rowLength > data.length) throw new PdfSyntaxError('the cross-reference stream is shorter than its /Index says');
      const type = typeWidth === 0 ? 1 : field(at, typeWidth);
      const second = field(at + typeWidth, secondWidth);
      const third = field(at + typeWidth + secondWidth, thirdWidth);
      if (number === 0) continue;
      if (type === 0) entries.set(number, null);
      else if (type === 1) entries.set(number, { offset: second, generation: third });
      else if (type === 2) entries.set(number, { objectStream: second, index: third });
    }
  }
  return { entries, trailer };
}

export class PdfRevisions {
  readonly revisions: Revision[];
  /** Bytes after the newest revision's %%EOF that are more than white space. */
  readonly trailingGarbage: number;
  private readonly cache = new Map<string, PdfObject>();

  constructor(readonly bytes: Buffer) {
    const text = bytes.toString('latin1');
    const markers = eofMarkers(text);
    const last = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024)) ?? [...text.matchAll(/startxref\s+(\d+)\s+%%EOF/g)].at(-1);
    if (!last) throw new PdfSyntaxError('no startxref at the end of the file');
    const newestFirst: Omit<Revision, 'number'>[] = [];
    const seen = new Set<number>();
    let offset: number | null = Number(last[1]);
    while (offset !== null) {
      if (seen.has(offset) || seen.size > 1000) throw new PdfSyntaxError('the /Prev chain loops');
      seen.add(offset);
      const ends = (markers.get(offset) ?? []).filter((marker) => marker.end > offset!);
      const closing = ends.sort((a, b) => a.end - b.end)[0];
      if (!closing) throw new PdfSyntaxError(`the revision with its xref at ${offset} has no %%EOF`);
      const { entries, trailer } = readXrefTable(text, bytes, offset);
      newestFirst.push({ xrefOffset: offset, end: closing.end, endWithEol: closing.endWithEol, entries, trailer });
      const previous = trailer.get('Prev');
      offset = previous?.type === 'number' ? previous.value : null;
    }
    this.revisions = newestFirst.toReversed().map((revision, index) => ({ ...revision, number: index + 1 }));
    for (let index = 1; index < this.revisions.length; index += 1) {
      if (this.revisions[index]!.end <= this.revisions[index - 1]!.end) throw new PdfSyntaxError('the revisions are not in file order');
    }
    const newestEnd = this.revisions.at(-1)!.endWithEol;
    this.trailingGarbage = text.slice(newestEnd).replace(/[\0\t\n\f\r ]+/g, '').length;
  }

  /** The revision a byte range ending at `end` covers exactly, if any. */
  revisionEndingAt(end: number): Revision | undefined {
    return this.revisions.find((revision) => revision.end === end || revision.endWithEol === end);
  }

  /** Where an object stands in the file as of a revision (its newest definition up to it), or null when freed or absent. */
  location(number: number, asOf: number): Location | null {
    for (let index = asOf - 1; index >= 0; index -= 1) {
      const entries = this.revisions[index]!.entries;
      if (entries.has(number)) return entries.get(number) ?? null;
    }
    return null;
  }

  object(number: number, asOf: number): PdfObject | null {
    const location = this.location(number, asOf);
    if (!location) return null;
    const key = 'offset' in location ? `@${location.offset}` : `${location.objectStream}#${location.index}@${asOf}`;
    let parsed = this.cache.get(key);
    if (!parsed) {
      parsed = 'offset' in location ? parseIndirectObject(this.bytes, location.offset) : this.fromObjectStream(location, number, asOf);
      this.cache.set(key, parsed);
    }
    if (parsed.number !== number) throw new PdfSyntaxError(`the xref puts object ${number} where object ${parsed.number} is`);
    return parsed;
  }

  /** An object compressed in an object stream (ISO 32000-1 §7.5.7): the header pairs number and offset from /First. */
  private fromObjectStream(location: { objectStream: number; index: number }, number: number, asOf: number): PdfObject {
    const container = this.location(location.objectStream, asOf);
    if (!container || !('offset' in container)) throw new PdfSyntaxError(`object stream ${location.objectStream} is missing`);
    const stream = parseIndirectObject(this.bytes, container.offset);
    const dict = dictOf(stream.value);
    const data = decodeStream(stream);
    const first = dict?.get('First');
    if (!data || nameOf(dict?.get('Type')) !== 'ObjStm' || first?.type !== 'number') throw new PdfSyntaxError(`object stream ${location.objectStream} is unreadable`);
    const header = data.toString('latin1', 0, first.value).trim().split(/\s+/).map(Number);
    const [storedNumber, offset] = [header[location.index * 2], header[location.index * 2 + 1]];
    if (storedNumber !== number || offset === undefined || Number.isNaN(offset)) throw new PdfSyntaxError(`object ${number} is not where object stream ${location.objectStream} says`);
    return { number, generation: 0, value: parseValue(data, first.value + offset), stream: null };
  }

  /** A value with one level of indirection resolved. */
  resolve(value: PdfValue | undefined, asOf: number): PdfValue | undefined {
    return value?.type === 'ref' ? this.object(value.number, asOf)?.value : value;
  }

  /** The page objects' numbers in reading order, as of a revision. */
  pages(asOf: number): number[] {
    const root = this.revisions[asOf - 1]!.trailer.get('Root');
    const catalog = dictOf(this.resolve(root, asOf));
    const pages: number[] = [];
    const visit = (value: PdfValue | undefined, depth: number) => {
      if (value?.type !== 'ref' || depth > 32 || pages.length > 100_000) return;
      const node = dictOf(this.object(value.number, asOf)?.value);
      const kids = node?.get('Kids');
      if (kids?.type === 'array') for (const kid of kids.items) visit(kid, depth + 1);
      else if (node) pages.push(value.number);
    };
    visit(catalog?.get('Pages'), 0);
    return pages;
  }
}
