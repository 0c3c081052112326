import { createHash } from 'node:crypto';
import type { AppDeps } from '../app-context';
import { idPattern } from '../ids';
import { confirmationsBySha256, findConfirmation, type ReviewConfirmationInfo } from '../reviews/confirmation-store';
import { assessmentLabel, findProtocol, type ProtocolInfo, protocolsBySha256 } from './protocol-store';

/**
 * Which stored document (a sealed protocol or review confirmation) an uploaded file is, by two
 * independent facts: the document id it prints ("Dokument-id …" on page 1) and the SHA-256 of the
 * whole file — or of the file up to a revision, when later updates were appended to a stored file.
 * Never by the digest a signature claims: that is copied along with a signature swapped in.
 */

export interface MatchedDocument {
  type: 'protocol' | 'review-confirmation';
  id: string;
  assetId: string;
  assetName: string;
  assessmentId: string;
  kind: string;
  round: number;
  /** A protocol's version within its round; null for a review confirmation. */
  version: number | null;
  sealedAt: string;
  sha256: string;
  /** Byte for byte the stored file. */
  identical: boolean;
  /** The file begins with the stored file byte for byte; what follows are later revisions. */
  storedRevisionIdentical: boolean;
  /** The document id printed in the file is this document's. */
  documentIdMatches: boolean;
}

interface Stored {
  type: MatchedDocument['type'];
  id: string;
  assetId: string;
  assessmentId: string;
  version: number | null;
  sealedAt: string;
  sha256: string;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** "Dokument-id 019…" as Sigill prints it on page 1 of every protocol and confirmation. */
export function printedDocumentId(text: string): string | null {
  const id = /Dokument-id\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/.exec(text)?.[1] ?? null;
  return id && idPattern.test(id) ? id : null;
}

function fromProtocol(row: ProtocolInfo): Stored {
  return { type: 'protocol', id: row.id, assetId: row.assetId, assessmentId: row.assessmentId, version: row.version, sealedAt: row.sealedAt, sha256: row.sha256 };
}

function fromConfirmation(row: ReviewConfirmationInfo): Stored {
  return { type: 'review-confirmation', id: row.id, assetId: row.assetId, assessmentId: row.assessmentId, version: null, sealedAt: row.confirmedAt, sha256: row.sha256 };
}

async function storedByHash(deps: AppDeps, hashes: string[]): Promise<Stored[]> {
  const { db } = deps.database;
  return [...(await protocolsBySha256(db, hashes)).map(fromProtocol), ...(await confirmationsBySha256(db, hashes)).map(fromConfirmation)];
}

async function storedById(deps: AppDeps, id: string): Promise<Stored | undefined> {
  const { db } = deps.database;
  const protocol = await findProtocol(db, id);
  if (protocol) return fromProtocol(protocol);
  const confirmation = await findConfirmation(db, id);
  return confirmation ? fromConfirmation(confirmation) : undefined;
}

type MatchFacts = Pick<MatchedDocument, 'identical' | 'storedRevisionIdentical' | 'documentIdMatches'>;

async function described(deps: AppDeps, stored: Stored, facts: MatchFacts): Promise<MatchedDocument> {
  return { ...stored, ...(await assessmentLabel(deps.database.db, stored.assessmentId)), ...facts };
}

function name(document: MatchedDocument): string {
  if (document.type === 'review-confirmation') return `omprövningsbekräftelsen för ${document.assetName}`;
  return `protokollet för ${document.assetName} (version ${document.round}.${document.version})`;
}

/** The stored document, and in Swedish where the id and the bytes disagree. */
export async function matchDocument(
  deps: AppDeps,
  pdf: Buffer,
  documentId: string | null,
  revisionEnds: number[],
): Promise<{ document: MatchedDocument | null; problems: string[] }> {
  const whole = sha256(pdf);
  const prefixes = new Map(revisionEnds.filter((end) => end < pdf.length).map((end) => [sha256(pdf.subarray(0, end)), end]));
  const byHash = await storedByHash(deps, [whole, ...prefixes.keys()]);
  const exact = byHash.find((stored) => stored.sha256 === whole);
  const prefix = byHash.find((stored) => prefixes.has(stored.sha256));
  const byId = documentId ? await storedById(deps, documentId) : undefined;
  const chosen = exact ?? prefix ?? byId;
  if (!chosen) return { document: null, problems: [] };
  const facts = { identical: chosen === exact, storedRevisionIdentical: chosen === exact || chosen === prefix, documentIdMatches: documentId === chosen.id };
  const document = await described(deps, chosen, facts);
  const problems: string[] = [];
  if (byId && (exact ?? prefix) && byId.id !== chosen.id) {
    problems.push(`Filens innehåll är ${name(document)}, men dokument-id som står i filen är ett annat dokuments.`);
  }
  else if (!exact && !prefix) problems.push(`Dokument-id matchar ${name(document)}, men filen skiljer sig från den lagrade.`);
  else if (!documentId) problems.push(`Filen är ${name(document)}, men dokument-id går inte att läsa i den.`);
  return { document, problems };
}
