// Types only: the import thread loads this file and should not load zod and the router with it.
import type { assetTypes, hostingKinds } from '../../scoring/enumerations';

/** The asset fields an inventory file may carry, and the column headings an ISAM's list uses for them. */
export const importFields = ['externalId', 'name', 'type', 'organisation', 'description', 'informationsagare', 'objektagare', 'suppliers', 'hosting', 'tags'] as const;
export type ImportField = (typeof importFields)[number];

/** The Swedish heading of each field: what a preview's error names and what the template file uses. */
export const fieldHeadings: Record<ImportField, string> = {
  externalId: 'Externt id',
  name: 'Namn',
  type: 'Typ',
  organisation: 'Organisation',
  description: 'Beskrivning',
  informationsagare: 'Informationsägare',
  objektagare: 'Objektägare',
  suppliers: 'Leverantörer',
  hosting: 'Drift',
  tags: 'Taggar',
};

const aliases: Record<ImportField, string[]> = {
  externalId: ['externt id', 'external id', 'externalid', 'id', 'objekt-id', 'objektid', 'system-id', 'systemid', 'nr', 'nummer'],
  name: ['namn', 'name', 'system', 'systemnamn', 'informationstillgång', 'informationstillgang', 'objekt'],
  type: ['typ', 'type', 'objekttyp'],
  organisation: ['organisation', 'förvaltning', 'forvaltning', 'enhet', 'organisationsid'],
  description: ['beskrivning', 'description', 'syfte'],
  informationsagare: ['informationsägare', 'informationsagare'],
  objektagare: ['objektägare', 'objektagare', 'systemägare'],
  suppliers: ['leverantörer', 'leverantör', 'leverantorer', 'leverantor', 'suppliers'],
  hosting: ['drift', 'driftform', 'hosting'],
  tags: ['taggar', 'tags', 'kategori'],
};

/** Which column holds which field; unknown columns are ignored and reported. */
export function mapHeader(header: readonly string[]): { columns: Map<ImportField, number>; ignored: string[] } {
  const columns = new Map<ImportField, number>();
  const ignored: string[] = [];
  header.forEach((heading, index) => {
    const key = heading.trim().toLowerCase();
    const field = importFields.find((candidate) => aliases[candidate].includes(key));
    if (field && !columns.has(field)) columns.set(field, index);
    else if (key !== '') ignored.push(heading);
  });
  return { columns, ignored };
}

const typeNames: Record<string, (typeof assetTypes)[number]> = { system: 'system', 'e-tjänst': 'e-tjanst', 'e-tjanst': 'e-tjanst', etjänst: 'e-tjanst', process: 'process', gruppdisk: 'gruppdisk', annat: 'annat', annan: 'annat' };
const hostingNames: Record<string, (typeof hostingKinds)[number]> = {
  'egen drift': 'egen_drift',
  egen_drift: 'egen_drift',
  'kommunens it': 'kommunens_it',
  kommunens_it: 'kommunens_it',
  molntjänst: 'molntjanst',
  molntjanst: 'molntjanst',
  moln: 'molntjanst',
};

export function parseType(text: string): (typeof assetTypes)[number] | undefined {
  return text === '' ? 'system' : typeNames[text.toLowerCase()];
}

export function parseHosting(text: string): (typeof hostingKinds)[number] | null | undefined {
  return text === '' ? null : hostingNames[text.toLowerCase()];
}

export function parseList(text: string): string[] {
  return text.split(/[,;\n]/).map((part) => part.trim()).filter((part) => part !== '');
}
