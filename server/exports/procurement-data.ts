import { type ProcurementRequirements, procurementRequirements } from '../../scoring/classification/procurement';
import type { ClassificationInForce } from './classification-in-force';
import type { ExportTable } from './export-table';

/** What an upphandlingskrav export shows: the applicable requirements of the classification in force, as SKA-krav. */
export interface ProcurementData extends ProcurementRequirements {
  organisationName: string;
  asset: { name: string; externalId: string | null };
  round: number;
  decidedAt: string;
  generatedAt: string;
}

export const themeNames: Record<string, string> = { organisatorisk: 'Organisatorisk', personal: 'Personal', fysisk: 'Fysisk', teknisk: 'Teknisk' };

export function procurementData(inForce: ClassificationInForce, asset: { name: string; externalId: string | null }, organisationName: string, now: Date = new Date()): ProcurementData {
  return { ...procurementRequirements(inForce.actionPlan), organisationName, asset, round: inForce.round, decidedAt: inForce.decidedAt, generatedAt: now.toISOString() };
}

export function procurementTable(data: ProcurementData): ExportTable {
  return {
    sheet: 'Upphandlingskrav',
    header: ['Nr', 'Krav-id', 'Version', 'Rubrik', 'Krav (SKA)', 'Område', 'ISO/IEC 27002:2022', 'Varför'],
    rows: data.requirements.map((requirement, index) => [index + 1, requirement.id, requirement.version, requirement.title, requirement.text, themeNames[requirement.theme] ?? requirement.theme, requirement.iso27002.join(', '), requirement.basis]),
  };
}
