import type { PdfRevisions } from './pdf-revisions';
import { canonical, dictOf, nameOf, type PdfObject, type PdfValue, referencesIn } from './pdf-syntax';

/**
 * What the incremental updates after a sealed revision change, judged as EU DSS does: an update may
 * add signatures, document timestamps and validation data (a /DSS dictionary), and touch the
 * catalog, the AcroForm and a page's /Annots only to hang a signature field on them. Anything else
 * — a changed page or content stream, a new object nothing of that kind explains, a freed object —
 * is a modification, named by revision and, where it can be, by page.
 */

/** Catalog keys a signature or validation-data update may set. */
const catalogKeysUpdatable = new Set(['AcroForm', 'DSS']);
/** AcroForm keys a signature update may set. */
const acroFormKeys = new Set(['Type', 'Fields', 'SigFlags', 'DA', 'DR']);

function without(dict: Map<string, PdfValue>, keys: Set<string>): string {
  return canonical({ type: 'dict', entries: new Map([...dict].filter(([key]) => !keys.has(key))) });
}

function sameObject(a: PdfObject, b: PdfObject): boolean {
  return canonical(a.value) === canonical(b.value) && (a.stream === null) === (b.stream === null) && (a.stream === null || a.stream.equals(b.stream!));
}

function zeroArea(rect: PdfValue | undefined): boolean {
  if (rect?.type !== 'array' || rect.items.length !== 4) return false;
  const [x1, y1, x2, y2] = rect.items.map((item) => (item.type === 'number' ? item.value : Number.NaN)) as [number, number, number, number];
  return x1 === x2 || y1 === y2;
}

function isSignatureField(dict: Map<string, PdfValue> | null): boolean {
  return nameOf(dict?.get('FT')) === 'Sig' && (!dict!.has('AP') || zeroArea(dict!.get('Rect')));
}

/** A plain dictionary with only the keys an AcroForm for signature fields has. */
function formLike(candidate: PdfObject | null, entries: Map<string, PdfValue> | null): boolean {
  return candidate?.stream === null && entries !== null && [...entries.keys()].every((key) => acroFormKeys.has(key));
}

function refNumbers(value: PdfValue | undefined): number[] {
  return value ? referencesIn(value) : [];
}

/** Objects a revision's /DSS reaches through objects that revision itself defines. */
function validationData(document: PdfRevisions, revision: number, catalog: Map<string, PdfValue> | null): Set<number> {
  const reached = new Set<number>();
  const pending = refNumbers(catalog?.get('DSS'));
  const ownObjects = document.revisions[revision - 1]!.entries;
  while (pending.length > 0 && reached.size < 10_000) {
    const number = pending.pop()!;
    if (reached.has(number) || !ownObjects.get(number)) continue;
    reached.add(number);
    const object = document.object(number, revision);
    if (object && object.stream === null) pending.push(...refNumbers(object.value));
  }
  return reached;
}

interface Context {
  document: PdfRevisions;
  revision: number;
  catalogNumber: number | null;
  acroFormNumbers: Set<number>;
  dss: Set<number>;
  pageNumbers: Map<number, number>;
  contentPages: Map<number, number>;
}

/** Why one object in a later revision is allowed, or null when it is a modification. */
function allowedChange(context: Context, object: PdfObject, before: PdfObject | null): string | null {
  const dict = dictOf(object.value);
  const type = nameOf(dict?.get('Type'));
  if (!before && dict && (type === 'Sig' || type === 'DocTimeStamp') && dict.has('ByteRange') && dict.has('Contents')) return type === 'Sig' ? 'signatur' : 'dokumenttidsstämpel';
  if (!before && isSignatureField(dict)) return 'signaturfält';
  if (!before && context.dss.has(object.number)) return 'valideringsdata';
  // A new cross-reference or object stream only carries entries and objects, each judged on its own; a redefined one is not allowed.
  if (!before && (type === 'XRef' || type === 'ObjStm')) return 'korsreferensdata';
  if (before && type === 'DSS' && nameOf(dictOf(before.value)?.get('Type')) === 'DSS') return 'valideringsdata';
  const beforeDict = before ? dictOf(before.value) : null;
  // Only an AcroForm may become the AcroForm: redefining, say, a page's content stream as one would blank the page.
  if (context.acroFormNumbers.has(object.number) && formLike(object, dict) && (!before || formLike(before, beforeDict))) return 'formulär för signaturfält';
  if (object.number === context.catalogNumber && dict && beforeDict && without(dict, catalogKeysUpdatable) === without(beforeDict, catalogKeysUpdatable)) return 'dokumentkatalog';
  if (type === 'Page' && dict && beforeDict && without(dict, new Set(['Annots'])) === without(beforeDict, new Set(['Annots']))) {
    const old = new Set(refNumbers(beforeDict.get('Annots')));
    const added = refNumbers(dict.get('Annots')).filter((number) => !old.has(number));
    const keepsOld = [...old].every((number) => refNumbers(dict.get('Annots')).includes(number));
    if (keepsOld && added.every((number) => isSignatureField(dictOf(context.document.object(number, context.revision)?.value)))) return 'signaturfält på sida';
  }
  return null;
}

function describeModification(context: Context, object: PdfObject, before: PdfObject | null): string {
  const { revision } = context;
  const page = context.pageNumbers.get(object.number);
  if (page) return `Revision ${revision} ändrar sida ${page}.`;
  const contentPage = context.contentPages.get(object.number);
  if (contentPage) return `Revision ${revision} ändrar innehållet på sida ${contentPage}.`;
  const type = nameOf(dictOf(object.value)?.get('Type'));
  const kind = type === 'Pages' ? ' (sidträdet)' : type === 'Catalog' ? ' (dokumentkatalogen)' : type ? ` (/${type})` : object.stream ? ' (en ström)' : '';
  return before ? `Revision ${revision} ändrar objekt ${object.number}${kind}.` : `Revision ${revision} lägger till objekt ${object.number}${kind}, som varken är en signatur eller valideringsdata.`;
}

function contextFor(document: PdfRevisions, revision: number): Context {
  const root = document.revisions[revision - 1]!.trailer.get('Root');
  const catalogNumber = root?.type === 'ref' ? root.number : null;
  const catalog = dictOf(document.resolve(root, revision));
  const pages = document.pages(revision - 1);
  const pageNumbers = new Map(pages.map((number, index) => [number, index + 1]));
  const contentPages = new Map<number, number>();
  pages.forEach((number, index) => {
    for (const content of refNumbers(dictOf(document.object(number, revision - 1)?.value)?.get('Contents'))) contentPages.set(content, index + 1);
  });
  return { document, revision, catalogNumber, acroFormNumbers: new Set(refNumbers(catalog?.get('AcroForm'))), dss: validationData(document, revision, catalog), pageNumbers, contentPages };
}

export interface UpdateAnalysis {
  /** Per later revision, what it adds that is allowed ("signatur", "valideringsdata" …). */
  additions: { revision: number; parts: string[] }[];
  /** Each modification, in Swedish, naming the revision (and page). */
  modifications: string[];
}

/** Every revision after `sealedRevision`, object by object. */
export function analyseUpdates(document: PdfRevisions, sealedRevision: number): UpdateAnalysis {
  const additions: UpdateAnalysis['additions'] = [];
  const modifications: string[] = [];
  for (const revision of document.revisions.slice(sealedRevision)) {
    // The trailer alone can swap the document: another catalog (what is shown) or another information dictionary.
    const previousTrailer = document.revisions[revision.number - 2]!.trailer;
    const same = (key: string) => canonical(revision.trailer.get(key) ?? { type: 'null' }) === canonical(previousTrailer.get(key) ?? { type: 'null' });
    if (!same('Root')) modifications.push(`Revision ${revision.number} byter dokumentkatalog.`);
    if (!same('Info')) modifications.push(`Revision ${revision.number} byter dokumentinformation.`);
    const context = contextFor(document, revision.number);
    const parts = new Set<string>();
    for (const [number, location] of revision.entries) {
      const before = document.location(number, revision.number - 1) ? document.object(number, revision.number - 1) : null;
      if (!location) {
        if (before) modifications.push(`Revision ${revision.number} tar bort objekt ${number}.`);
        continue;
      }
      const object = document.object(number, revision.number)!;
      if (before && sameObject(object, before)) continue;
      const allowed = allowedChange(context, object, before);
      // A byte range points at raw file bytes, so a signature packed into a compressed object stream can never be checked.
      if ((allowed === 'signatur' || allowed === 'dokumenttidsstämpel') && 'objectStream' in location) {
        modifications.push(`Revision ${revision.number} lägger en signatur i en objektström, där den inte kan kontrolleras.`);
      } else if (allowed) parts.add(allowed);
      else modifications.push(describeModification(context, object, before));
    }
    additions.push({ revision: revision.number, parts: [...parts] });
  }
  return { additions, modifications };
}
