import type { Kysely } from 'kysely';
import { fillFromAsset } from '../assets/asset-answers';
import { findAssetFacts } from '../assets/asset-store';
import type { AssessmentKind, Database } from '../db/schema';

/**
 * A classification starts with its object page filled from the asset record, on the server, so
 * every client gets it (issue 14: nothing registered is typed again). Other kinds start as given.
 */
export async function prefillFromAsset(db: Kysely<Database>, assetId: string, kind: AssessmentKind, answers: Record<string, unknown> | undefined): Promise<Record<string, unknown> | undefined> {
  if (kind !== 'classification') return answers;
  const facts = await findAssetFacts(db, assetId);
  return facts ? fillFromAsset(answers ?? {}, facts) : answers;
}
