import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { decodeStream } from '../../server/sealing/pdf-streams';
import { PdfRevisions } from '../../server/sealing/pdf-revisions';
import { dictOf, type PdfValue } from '../../server/sealing/pdf-syntax';
import { inScratchFolder } from './scratch-folder';

/**
 * What PDF/A-2b identification needs, read as an archive's intake would (veraPDF is not available
 * here): the XMP packet and the fonts as poppler's pdfinfo and pdffonts print them, and the output
 * intent and trailers from the newest revision of the file's own structure.
 */
export interface PdfaFacts {
  header: string;
  xmp: { part: string | null; conformance: string | null; title: string | null; creator: string | null; documentId: string | null; createDate: string | null; modifyDate: string | null };
  /** Every element closed in order and no bare ampersand: an XMP packet a reader can parse. */
  xmpIsWellFormed: boolean;
  outputIntent: { subtype: string | null; identifier: string | null; iccProfileClass: string; iccColourSpace: string } | null;
  fonts: { name: string; embedded: boolean }[];
  /** The newest catalogue still points at the XMP metadata stream. */
  catalogueKeepsMetadata: boolean;
  lastTrailerHasId: boolean;
}

function tag(xmp: string, name: string): string | null {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xmp)?.[1]?.trim() ?? null;
}

function wellFormed(xml: string): boolean {
  if (/&(?!amp;|lt;|gt;|quot;|apos;|#\d+;|#x[0-9a-fA-F]+;)/.test(xml)) return false;
  const open: string[] = [];
  for (const match of xml.replace(/<\?[\s\S]*?\?>/g, '').matchAll(/<(\/?)([\w:.-]+)[^>]*?(\/?)>/g)) {
    if (match[3]) continue;
    if (!match[1]) open.push(match[2]!);
    else if (open.pop() !== match[2]) return false;
  }
  return open.length === 0;
}

function text(value: PdfValue | undefined): string | null {
  return value?.type === 'string' ? value.bytes.toString('latin1') : value?.type === 'name' ? value.value : null;
}

function outputIntentOf(revisions: PdfRevisions, catalogue: Map<string, PdfValue>, asOf: number): PdfaFacts['outputIntent'] {
  const resolve = (value: PdfValue | undefined) => (value?.type === 'ref' ? revisions.object(value.number, asOf)?.value : value);
  const intents = resolve(catalogue.get('OutputIntents'));
  const first = intents?.type === 'array' ? dictOf(resolve(intents.items[0])) : null;
  const profileRef = first?.get('DestOutputProfile');
  if (!first || profileRef?.type !== 'ref') return null;
  const profile = decodeStream(revisions.object(profileRef.number, asOf));
  if (!profile) return null;
  return {
    subtype: text(first.get('S')),
    identifier: text(first.get('OutputConditionIdentifier')),
    iccProfileClass: profile.subarray(12, 16).toString('latin1'),
    iccColourSpace: profile.subarray(16, 20).toString('latin1'),
  };
}

export function pdfaFacts(pdf: Buffer): PdfaFacts {
  const { xmp, fontTable } = inScratchFolder('sigill-pdfa-', (folder) => {
    const file = path.join(folder, 'document.pdf');
    fs.writeFileSync(file, pdf);
    return { xmp: execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' }), fontTable: execFileSync('pdffonts', [file], { encoding: 'utf8' }) };
  });
  const fonts = fontTable.split('\n').slice(2).filter((line) => line.trim()).map((line) => {
    const columns = line.trim().split(/\s+/);
    // name … emb sub uni object ID: emb is the fifth column from the end.
    return { name: columns[0]!, embedded: columns.at(-5) === 'yes' };
  });
  const revisions = new PdfRevisions(pdf);
  const newest = revisions.revisions.at(-1)!;
  const root = newest.trailer.get('Root');
  const catalogue = root?.type === 'ref' ? dictOf(revisions.object(root.number, newest.number)?.value) : null;
  return {
    header: pdf.subarray(0, 8).toString('latin1'),
    xmp: {
      part: tag(xmp, 'pdfaid:part'),
      conformance: tag(xmp, 'pdfaid:conformance'),
      title: /<dc:title>[\s\S]*?<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(xmp)?.[1] ?? null,
      creator: /<dc:creator>[\s\S]*?<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(xmp)?.[1] ?? null,
      documentId: tag(xmp, 'xmpMM:DocumentID'),
      createDate: tag(xmp, 'xmp:CreateDate'),
      modifyDate: tag(xmp, 'xmp:ModifyDate'),
    },
    xmpIsWellFormed: wellFormed(xmp),
    outputIntent: catalogue ? outputIntentOf(revisions, catalogue, newest.number) : null,
    fonts,
    catalogueKeepsMetadata: catalogue?.get('Metadata')?.type === 'ref',
    lastTrailerHasId: newest.trailer.get('ID')?.type === 'array',
  };
}
