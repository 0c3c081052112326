/**
 * Just enough of PDF's object syntax (ISO 32000-1 §7.3) to read a signed file's structure without
 * trusting it: values, indirect objects and their streams. Anything it does not understand is an
 * error, which the verifier turns into "cannot be checked" rather than "valid".
 */

export type PdfValue =
  | { type: 'null' }
  | { type: 'boolean'; value: boolean }
  | { type: 'number'; value: number }
  | { type: 'name'; value: string }
  | { type: 'string'; bytes: Buffer }
  | { type: 'array'; items: PdfValue[] }
  | { type: 'dict'; entries: Map<string, PdfValue> }
  | { type: 'ref'; number: number; generation: number };

export interface PdfObject {
  number: number;
  generation: number;
  value: PdfValue;
  /** The raw (still encoded) stream data, when the object is a stream. */
  stream: Buffer | null;
}

export class PdfSyntaxError extends Error {}

const whitespace = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const delimiters = new Set([...'()<>[]{}/%'].map((char) => char.charCodeAt(0)));

class Reader {
  constructor(readonly bytes: Buffer, public at: number) {}

  skipSpace(): void {
    for (;;) {
      while (this.at < this.bytes.length && whitespace.has(this.bytes[this.at]!)) this.at += 1;
      if (this.bytes[this.at] !== 0x25) return;
      while (this.at < this.bytes.length && this.bytes[this.at] !== 0x0a && this.bytes[this.at] !== 0x0d) this.at += 1;
    }
  }

  /** A run of regular characters: a number, keyword or name body. */
  word(): string {
    const start = this.at;
    while (this.at < this.bytes.length && !whitespace.has(this.bytes[this.at]!) && !delimiters.has(this.bytes[this.at]!)) this.at += 1;
    return this.bytes.toString('latin1', start, this.at);
  }

  peekWord(): string {
    const saved = this.at;
    this.skipSpace();
    const word = this.word();
    this.at = saved;
    return word;
  }

  value(depth = 0): PdfValue {
    if (depth > 64) throw new PdfSyntaxError('nesting too deep');
    this.skipSpace();
    const byte = this.bytes[this.at];
    if (byte === undefined) throw new PdfSyntaxError('unexpected end of file');
    const char = String.fromCharCode(byte);
    if (char === '/') {
      this.at += 1;
      return { type: 'name', value: this.word().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) };
    }
    if (char === '<' && this.bytes[this.at + 1] === 0x3c) return this.dictionary(depth);
    if (char === '<') return this.hexString();
    if (char === '(') return this.literalString();
    if (char === '[') {
      this.at += 1;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.bytes[this.at] === 0x5d) {
          this.at += 1;
          return { type: 'array', items };
        }
        items.push(this.value(depth + 1));
      }
    }
    const word = this.word();
    if (word === 'true' || word === 'false') return { type: 'boolean', value: word === 'true' };
    if (word === 'null') return { type: 'null' };
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) throw new PdfSyntaxError(`unexpected token "${word.slice(0, 20)}" at ${this.at}`);
    if (/^\d+$/.test(word)) {
      const saved = this.at;
      this.skipSpace();
      const generation = this.word();
      this.skipSpace();
      if (/^\d+$/.test(generation) && this.bytes[this.at] === 0x52 && this.isEndOfWord(this.at + 1)) {
        this.at += 1;
        return { type: 'ref', number: Number(word), generation: Number(generation) };
      }
      this.at = saved;
    }
    return { type: 'number', value: Number(word) };
  }

  private isEndOfWord(at: number): boolean {
    const byte = this.bytes[at];
    return byte === undefined || whitespace.has(byte) || delimiters.has(byte);
  }

  private dictionary(depth: number): PdfValue {
    this.at += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.at] === 0x3e && this.bytes[this.at + 1] === 0x3e) {
        this.at += 2;
        return { type: 'dict', entries };
      }
      const key = this.value(depth + 1);
      if (key.type !== 'name') throw new PdfSyntaxError(`a dictionary key must be a name (at ${this.at})`);
      entries.set(key.value, this.value(depth + 1));
    }
  }

  private hexString(): PdfValue {
    const end = this.bytes.indexOf(0x3e, this.at);
    if (end < 0) throw new PdfSyntaxError('unterminated hex string');
    const hex = this.bytes.toString('latin1', this.at + 1, end).replace(/\s+/g, '');
    if (!/^[0-9a-fA-F]*$/.test(hex)) throw new PdfSyntaxError('bad hex string');
    this.at = end + 1;
    return { type: 'string', bytes: Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex') };
  }

  private literalString(): PdfValue {
    const out: number[] = [];
    let depth = 0;
    this.at += 1;
    for (;;) {
      const byte = this.bytes[this.at];
      if (byte === undefined) throw new PdfSyntaxError('unterminated string');
      this.at += 1;
      if (byte === 0x5c) {
        const next = this.bytes[this.at] ?? 0;
        this.at += 1;
        const escapes: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };
        if (next >= 0x30 && next <= 0x37) {
          let octal = String.fromCharCode(next);
          while (octal.length < 3 && (this.bytes[this.at] ?? 0) >= 0x30 && (this.bytes[this.at] ?? 0) <= 0x37) octal += String.fromCharCode(this.bytes[this.at++]!);
          out.push(parseInt(octal, 8) & 0xff);
        } else if (next === 0x0d || next === 0x0a) {
          if (next === 0x0d && this.bytes[this.at] === 0x0a) this.at += 1;
        } else out.push(escapes[next] ?? next);
        continue;
      }
      if (byte === 0x28) depth += 1;
      if (byte === 0x29) {
        if (depth === 0) return { type: 'string', bytes: Buffer.from(out) };
        depth -= 1;
      }
      out.push(byte);
    }
  }
}

/** Reads "N G obj … endobj" at an offset, with its stream data when it has one. */
export function parseIndirectObject(bytes: Buffer, offset: number): PdfObject {
  const reader = new Reader(bytes, offset);
  reader.skipSpace();
  const number = Number(reader.word());
  reader.skipSpace();
  const generation = Number(reader.word());
  reader.skipSpace();
  if (reader.word() !== 'obj' || !Number.isInteger(number) || !Number.isInteger(generation)) throw new PdfSyntaxError(`no object at offset ${offset}`);
  const value = reader.value();
  let stream: Buffer | null = null;
  if (reader.peekWord() === 'stream') {
    reader.skipSpace();
    reader.at += 'stream'.length;
    if (bytes[reader.at] === 0x0d) reader.at += 1;
    if (bytes[reader.at] === 0x0a) reader.at += 1;
    const length = value.type === 'dict' ? value.entries.get('Length') : undefined;
    const end = length?.type === 'number' ? reader.at + length.value : bytes.indexOf('endstream', reader.at, 'latin1');
    if (end < reader.at || end > bytes.length) throw new PdfSyntaxError(`stream of object ${number} runs past the file`);
    stream = bytes.subarray(reader.at, end);
    reader.at = end;
    if (reader.peekWord() !== 'endstream') throw new PdfSyntaxError(`stream of object ${number} has the wrong /Length`);
    reader.skipSpace();
    reader.at += 'endstream'.length;
  }
  if (reader.peekWord() !== 'endobj') throw new PdfSyntaxError(`object ${number} is not closed by endobj`);
  return { number, generation, value, stream };
}

/** Reads one value (a trailer dictionary, for one) at an offset. */
export function parseValue(bytes: Buffer, offset: number): PdfValue {
  return new Reader(bytes, offset).value();
}

export function dictOf(value: PdfValue | undefined): Map<string, PdfValue> | null {
  return value?.type === 'dict' ? value.entries : null;
}

export function nameOf(value: PdfValue | undefined): string | null {
  return value?.type === 'name' ? value.value : null;
}

/** A value in one canonical text form, so two revisions of an object compare by meaning, not by spacing. */
export function canonical(value: PdfValue): string {
  switch (value.type) {
    case 'null':
      return 'null';
    case 'boolean':
    case 'number':
      return String(value.value);
    case 'name':
      return `/${value.value}`;
    case 'string':
      return `<${value.bytes.toString('hex')}>`;
    case 'ref':
      return `${value.number} ${value.generation} R`;
    case 'array':
      return `[${value.items.map(canonical).join(' ')}]`;
    case 'dict':
      return `<<${[...value.entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, entry]) => `/${key} ${canonical(entry)}`).join(' ')}>>`;
  }
}

/** Every indirect reference inside a value. */
export function referencesIn(value: PdfValue, into: number[] = []): number[] {
  if (value.type === 'ref') into.push(value.number);
  else if (value.type === 'array') for (const item of value.items) referencesIn(item, into);
  else if (value.type === 'dict') for (const entry of value.entries.values()) referencesIn(entry, into);
  return into;
}
