import type { Kysely } from 'kysely';
import { assetInputSchema, type AssetInput } from '../assets/asset-schemas';
import type { Database } from '../db/schema';
import type { ErrorDetail } from '../errors';
import type { OrganisationTree } from '../organisations/organisation-tree';
import { fieldHeadings, type ImportField, mapHeader, parseHosting, parseList, parseType } from './import-columns';
import type { Table } from './read-table';

export type RowAction = 'create' | 'update' | 'unchanged' | 'error';

export interface PlannedRow {
  line: number;
  action: RowAction;
  name: string;
  externalId: string | null;
  organisationName: string | null;
  /** The headings of the fields an update changes. */
  changes: string[];
  errors: ErrorDetail[];
  /** What will be written: the whole input for a new asset, the fields to change for an existing one. */
  input: AssetInput | null;
  existingId: string | null;
}

export interface ImportPlan {
  format: Table['format'];
  encoding: Table['encoding'];
  ignoredColumns: string[];
  rows: PlannedRow[];
  summary: Record<RowAction, number>;
}

type Existing = { id: string; organisation_id: string; name: string; type: string; description: string; informationsagare: string; objektagare: string; suppliers: string; hosting: string | null; tags: string; external_id: string | null };
/** Rows validated per turn of the event loop. */
const rowsPerTurn = 250;
const compared = ['name', 'type', 'description', 'informationsagare', 'objektagare', 'suppliers', 'hosting', 'tags'] as const;

function sameValue(existing: Existing, input: AssetInput, field: (typeof compared)[number]): boolean {
  if (field === 'suppliers' || field === 'tags') return existing[field] === JSON.stringify(input[field]);
  return (existing[field] ?? null) === (input[field] ?? null);
}

/**
 * What importing the table into `organisationId` (and the organisations below it that the caller may
 * write to) would do, row by row, without writing anything. A row is matched to an existing asset by
 * external id within its organisation, or by name when it has none, so a second import changes nothing.
 */
export async function planImport(db: Kysely<Database>, tree: OrganisationTree, table: Table, organisationId: string, writable: ReadonlySet<string>): Promise<ImportPlan> {
  const { columns, ignored } = mapHeader(table.header);
  const scope = tree.selfAndDescendants(organisationId).filter((id) => writable.has(id));
  const byName = new Map(scope.map((id) => [tree.get(id)!.name.toLowerCase(), id]));
  const existing = scope.length === 0 ? [] : await db.selectFrom('assets').select(['id', 'organisation_id', 'name', 'type', 'description', 'informationsagare', 'objektagare', 'suppliers', 'hosting', 'tags', 'external_id']).where('organisation_id', 'in', scope).where('archived_at', 'is', null).execute();
  const byExternalId = new Map(existing.filter((row) => row.external_id !== null).map((row) => [`${row.organisation_id}\u0000${row.external_id}`, row]));
  const byAssetName = new Map(existing.map((row) => [`${row.organisation_id}\u0000${row.name.toLowerCase()}`, row]));
  const seen = new Map<string, number>();
  const planRow = ({ line, cells }: Table['rows'][number]): PlannedRow => {
    const cell = (field: ImportField) => {
      const index = columns.get(field);
      return index === undefined ? '' : (cells[index] ?? '');
    };
    const errors: ErrorDetail[] = [];
    const fail = (field: ImportField, message: string) => errors.push({ field: fieldHeadings[field], message });
    const organisationText = cell('organisation');
    const targetId = organisationText === '' ? organisationId : (byName.get(organisationText.toLowerCase()) ?? (scope.includes(organisationText) ? organisationText : undefined));
    if (!targetId) fail('organisation', `okänd organisation "${organisationText}"`);
    const type = parseType(cell('type'));
    if (!type) fail('type', `okänd typ "${cell('type')}" (System, E-tjänst, Process, Gruppdisk eller Annat)`);
    const hosting = parseHosting(cell('hosting'));
    if (hosting === undefined) fail('hosting', `okänd drift "${cell('hosting')}" (Egen drift, Kommunens IT eller Molntjänst)`);
    const externalId = cell('externalId') || null;
    const parsed = assetInputSchema.safeParse({
      organisationId: targetId ?? organisationId,
      name: cell('name'),
      type: type ?? 'system',
      description: cell('description'),
      informationsagare: cell('informationsagare'),
      objektagare: cell('objektagare'),
      suppliers: parseList(cell('suppliers')),
      hosting: hosting ?? null,
      tags: parseList(cell('tags')),
      externalId,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'name') as ImportField;
        fail(field in fieldHeadings ? field : 'name', field === 'name' && cell('name') === '' ? 'namn saknas' : issue.message);
      }
    }
    const key = targetId ? `${targetId}\u0000${externalId ?? `namn:${cell('name').toLowerCase()}`}` : null;
    if (key && cell('name') !== '') {
      const earlier = seen.get(key);
      if (earlier !== undefined) fail(externalId ? 'externalId' : 'name', `${externalId ? `externt id ${externalId}` : 'namnet'} finns redan på rad ${earlier}`);
      else seen.set(key, line);
    }
    const base = { line, name: cell('name'), externalId, organisationName: targetId ? (tree.get(targetId)?.name ?? null) : organisationText || null };
    if (errors.length > 0 || !parsed.success || !targetId) return { ...base, action: 'error', changes: [], errors, input: null, existingId: null };
    const input = parsed.data;
    const match = externalId ? byExternalId.get(`${targetId}\u0000${externalId}`) : byAssetName.get(`${targetId}\u0000${input.name.toLowerCase()}`);
    if (!match) return { ...base, action: 'create', changes: [], errors, input, existingId: null };
    // Only the columns the file has can change an asset: a list without "Beskrivning" leaves descriptions alone.
    const changes = compared.filter((field) => (field === 'name' || columns.has(field)) && !sameValue(match, input, field));
    return { ...base, action: changes.length > 0 ? 'update' : 'unchanged', changes: changes.map((field) => fieldHeadings[field]), errors, input, existingId: match.id };
  };
  const rows: PlannedRow[] = [];
  for (const [index, row] of table.rows.entries()) {
    // Ten thousand rows take a few hundred ms to validate: let other requests in between chunks.
    if (index > 0 && index % rowsPerTurn === 0) await new Promise((resolve) => setImmediate(resolve));
    rows.push(planRow(row));
  }
  const summary: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const row of rows) summary[row.action] += 1;
  return { format: table.format, encoding: table.encoding, ignoredColumns: ignored, rows, summary };
}
