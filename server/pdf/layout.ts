import type { ProtocolData } from '../protocols/protocol-types';
import type { Content, ContentNode, DocumentDefinition, PageBreakNode, PageBreakQueries } from './doc-types';
import type { HeadingSize } from './tagged-structure';

/** The look shared by every protocol: A4, DejaVu Sans, quiet colours that survive black-and-white printing. */

export const colours = { ink: '#1a1a1a', muted: '#5a5a5a', rule: '#b8b8b8', band: '#eef1f4', accent: '#1f4e79' };

const headingSize = { title: 18, h1: 13, h2: 10.5 };

/** How a tagged PDF names the headings: the document title H1, a section H2, a subsection H3 (server/pdf/tagged-structure.ts). */
export const headingSizes: readonly HeadingSize[] = [
  { fontSize: headingSize.title, role: 'H1' },
  { fontSize: headingSize.h1, role: 'H2' },
  { fontSize: headingSize.h2, role: 'H3' },
];

const styles: Record<string, ContentNode> = {
  title: { fontSize: headingSize.title, bold: true, color: colours.accent, margin: [0, 0, 0, 2] },
  subtitle: { fontSize: 13, margin: [0, 0, 0, 10] },
  h1: { fontSize: headingSize.h1, bold: true, color: colours.accent, margin: [0, 14, 0, 6] },
  h2: { fontSize: headingSize.h2, bold: true, margin: [0, 8, 0, 4] },
  small: { fontSize: 7.5, color: colours.muted },
  label: { bold: true, color: colours.muted, fontSize: 8.5 },
  tableHeader: { bold: true, fontSize: 8.5, fillColor: colours.band },
  note: { italics: true, color: colours.muted },
};

/** Swedish date (and time) in Europe/Stockholm, as a printed decision shows it. */
export function swedishDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '–';
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = withTime
    ? { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }
    : { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' };
  return new Intl.DateTimeFormat('sv-SE', options).format(date);
}

export function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.map(text).join(', ');
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A choice's Swedish text, or the value itself when the form has none. */
export function label(data: ProtocolData, key: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => label(data, key, item)).join(', ') || '–';
  if (value === null || value === undefined || value === '') return '–';
  return data.labels[key]?.[String(value)] ?? text(value);
}

export function heading(title: string): Content {
  return { text: title, style: 'h1', headlineLevel: 1 };
}

/** An appendix starts on a page of its own. */
export function appendix([first, ...rest]: Content[]): Content[] {
  if (first === undefined) return [];
  return [typeof first === 'object' && !Array.isArray(first) ? { ...first, pageBreak: 'before' } : { stack: [first], pageBreak: 'before' }, ...rest];
}

/** A short section kept on one page, its heading with it. */
export function keepTogether(...parts: Content[]): Content {
  return { unbreakable: true, stack: parts };
}

export function subheading(title: string): Content {
  return { text: title, style: 'h2', headlineLevel: 2 };
}

/** A heading never stands alone at the foot of a page: it moves to the next page with what follows. */
function keepHeadingsWithContent(node: PageBreakNode, pageNodes: PageBreakQueries): boolean {
  if (node.headlineLevel === undefined) return false;
  const following = pageNodes.getFollowingNodesOnPage();
  // Only headings below it on this page count as nothing: a heading needs some body after it.
  return following.every((next) => next.headlineLevel !== undefined);
}

/** Nothing to say: an empty answer is left out rather than printed as a dash. */
export function isEmpty(value: string): boolean {
  return value.trim() === '' || value.trim() === '–';
}

/** Two columns of label and value, the way a protocol lists facts about the object; a fact without a value is left out. */
export function factTable(rows: [string, string][]): Content {
  return {
    table: { widths: [140, '*'], body: rows.filter(([, value]) => !isEmpty(value)).map(([name, value]) => [{ text: name, style: 'label' }, value]) },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => colours.rule, paddingTop: () => 3, paddingBottom: () => 3 },
  };
}

/** A table with a shaded header row that repeats on every page it runs over. */
export function dataTable(widths: (number | string)[], header: string[], rows: Content[][]): Content {
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [header.map((cell) => ({ text: cell, style: 'tableHeader' })), ...rows] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => colours.rule, vLineColor: () => colours.rule, paddingTop: () => 3, paddingBottom: () => 3 },
    fontSize: 8.5,
  };
}

/**
 * The audit chain's head at sealing, small: inside the signed bytes it anchors the chain, so a log
 * later cut short or rewritten before this event no longer matches the document.
 */
export function auditHeadLines(head: { seq: number; hash: string } | null): Content[] {
  if (!head) return [];
  return [
    { text: `Granskningsloggen vid förseglingen: händelse ${head.seq}, SHA-256:`, style: 'label', margin: [0, 4, 0, 0] },
    { text: head.hash, fontSize: 7.5, characterSpacing: 0.2 },
  ];
}

/** The last block: how to verify, the content hash and a QR code to the verify page. */
export function verificationBlock(data: ProtocolData, contentSha256: string): Content {
  const sealNote = data.seal.development
    ? 'OBS: protokollet är förseglat med ett självutfärdat utvecklingscertifikat. Det visar att filen är oförändrad men inte vem som utfärdat den; det ska inte användas i skarp drift.'
    : `Protokollet är förseglat med organisationens elektroniska sigill (${data.seal.subject}).`;
  return {
    unbreakable: true,
    margin: [0, 18, 0, 0],
    table: {
      widths: ['*', 96],
      body: [
        [
          {
            stack: [
              { text: 'Så kontrollerar du protokollet', style: 'h2', margin: [0, 0, 0, 4] },
              { text: `Protokollet är en PDF med en elektronisk försegling (PAdES). Öppna filen i en PDF-läsare och kontrollera signaturen, eller ladda upp filen på ${data.verifyUrl}. En fil som ändrats efter förseglingen visas som ändrad.`, margin: [0, 0, 0, 4] },
              { text: sealNote, margin: [0, 0, 0, 4], bold: data.seal.development },
              { text: 'SHA-256 för protokollets innehållsdata:', style: 'label' },
              { text: contentSha256, fontSize: 7.5, characterSpacing: 0.2 },
              ...auditHeadLines(data.auditHead),
              { text: `Dokument-id ${data.documentId}, version ${data.version}.`, style: 'small', margin: [0, 4, 0, 0] },
            ],
          },
          { qr: `${data.verifyUrl}?dokument=${data.documentId}`, fit: 92, alignment: 'right' },
        ],
      ],
    },
    layout: { hLineWidth: () => 0.8, vLineWidth: () => 0, hLineColor: () => colours.accent, paddingTop: () => 8, paddingBottom: () => 8 },
  };
}

/** What changes between Sigill's documents; everything else (page, fonts, styles, page numbers) is shared. */
export interface PageFrame {
  title: string;
  subject: string;
  author: string;
  date: Date;
  /** Top left and right of every page; none for a document without a running header. */
  header?: [string, string];
  /** Bottom left of every page, beside "Sida x av y". */
  footer: string;
}

export function pageFrame(frame: PageFrame, content: Content[]): DocumentDefinition {
  const { header } = frame;
  return {
    info: { title: frame.title, author: frame.author, subject: frame.subject, creator: 'Sigill', producer: 'Sigill (pdfmake)', creationDate: frame.date, modDate: frame.date },
    language: 'sv-SE',
    tagged: true,
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 52],
    defaultStyle: { font: 'DejaVuSans', fontSize: 9, lineHeight: 1.2, color: colours.ink },
    styles,
    ...(header
      ? { header: () => ({ columns: [{ text: header[0], style: 'small' }, { text: header[1], style: 'small', alignment: 'right' }], margin: [48, 24, 48, 0] }) }
      : {}),
    footer: (currentPage, pageCount) => ({
      columns: [
        { width: '*', text: frame.footer, style: 'small' },
        { width: 'auto', text: `Sida ${currentPage} av ${pageCount}`, style: 'small', alignment: 'right' },
      ],
      margin: [48, 16, 48, 0],
    }),
    pageBreakBefore: keepHeadingsWithContent,
    content,
  };
}

export function documentFrame(data: ProtocolData, title: string, content: Content[]): DocumentDefinition {
  return pageFrame(
    {
      title: `${title}: ${data.asset.name}`,
      subject: title,
      author: data.organisation.name,
      date: new Date(data.assessment.decidedAt),
      header: [data.organisation.name, `${title} – ${data.asset.name}`],
      footer: `Dokument-id ${data.documentId} · version ${data.version}`,
    },
    content,
  );
}
