import type { PdfRevisions } from './pdf-revisions';
import { decodeStream } from './pdf-streams';
import { dictOf, type PdfValue } from './pdf-syntax';

/**
 * The text of a page as a reader sees it in the newest revision: the content streams' show-text
 * operators decoded through each font's /ToUnicode map. Enough to read back what Sigill itself
 * prints (pdfmake writes two-byte glyph codes with a ToUnicode CMap); not a general text extractor.
 */

/** UTF-16BE in hex, as a CMap writes it; a ligature maps to several characters ("<0066 0066>" for ff). */
function utf16(hex: string): string {
  const bytes = Buffer.from(hex.replace(/\s+/g, ''), 'hex');
  let text = '';
  for (let index = 0; index + 1 < bytes.length; index += 2) text += String.fromCharCode(bytes.readUInt16BE(index));
  return text;
}

/** A ToUnicode CMap's bfchar and bfrange entries, code → text. */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) map.set(parseInt(pair[1]!, 16), utf16(pair[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F\s]*)>|\[([^\]]*)\])/g)) {
      const low = parseInt(range[1]!, 16);
      const high = Math.min(parseInt(range[2]!, 16), low + 65_535);
      if (range[3] !== undefined) {
        const start = parseInt(range[3].replace(/\s+/g, '').slice(0, 4) || '0', 16);
        for (let code = low; code <= high; code += 1) map.set(code, String.fromCharCode(start + code - low));
      } else {
        const targets = [...range[4]!.matchAll(/<([0-9a-fA-F\s]*)>/g)].map((target) => utf16(target[1]!));
        targets.forEach((target, index) => {
          if (low + index <= high) map.set(low + index, target);
        });
      }
    }
  }
  return map;
}

function fontMaps(document: PdfRevisions, page: Map<string, PdfValue>, asOf: number): Map<string, Map<number, string>> {
  const resources = dictOf(document.resolve(page.get('Resources'), asOf));
  const fonts = dictOf(document.resolve(resources?.get('Font'), asOf));
  const maps = new Map<string, Map<number, string>>();
  for (const [name, reference] of fonts ?? []) {
    const font = dictOf(document.resolve(reference, asOf));
    const toUnicode = font?.get('ToUnicode');
    const cmap = toUnicode?.type === 'ref' ? decodeStream(document.object(toUnicode.number, asOf)) : null;
    if (cmap) maps.set(name, parseToUnicode(cmap.toString('latin1')));
  }
  return maps;
}

function showText(hex: string, map: Map<number, string> | undefined): string {
  if (!map) return '';
  const clean = hex.replace(/\s+/g, '');
  let text = '';
  for (let index = 0; index + 4 <= clean.length; index += 4) text += map.get(parseInt(clean.slice(index, index + 4), 16)) ?? '';
  return text;
}

/** The text page `pageIndex` (0 for the first) shows, run after run, in content-stream order. */
export function pageText(document: PdfRevisions, pageIndex = 0): string {
  const asOf = document.revisions.length;
  const pageNumber = document.pages(asOf)[pageIndex];
  const page = pageNumber === undefined ? null : dictOf(document.object(pageNumber, asOf)?.value);
  if (!page) return '';
  const maps = fontMaps(document, page, asOf);
  const contents = document.resolve(page.get('Contents'), asOf);
  const streams = contents?.type === 'array' ? contents.items : [page.get('Contents')];
  let text = '';
  for (const reference of streams) {
    if (reference?.type !== 'ref') continue;
    const content = decodeStream(document.object(reference.number, asOf))?.toString('latin1') ?? '';
    let font: Map<number, string> | undefined;
    for (const match of content.matchAll(/\/([^\s/[\]<>()]+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F\s]*)>\s*Tj/g)) {
      if (match[1] !== undefined) font = maps.get(match[1]);
      else if (match[2] !== undefined) for (const part of match[2].matchAll(/<([0-9a-fA-F\s]*)>/g)) text += showText(part[1]!, font);
      else text += showText(match[3]!, font);
    }
  }
  return text;
}
