import type { TemplateBasis } from '../protocols/protocol-types';
import type { Content } from './doc-types';
import { dataTable, subheading, text } from './layout';

const deviationText = { same: 'Som mallen', raise: 'Höjd lokalt', lowering: 'Sänkt lokalt' } as const;

function levelText(aspect: string, level: number | null): string {
  return level === null ? `${aspect} ej bedömd` : `${aspect}${level}`;
}

/** The normative classification an adoption rests on: which version, and per aspect the template's level, the local one and why they differ. */
export function templateSection(template: TemplateBasis | null | undefined): Content[] {
  if (!template) return [];
  return [
    subheading('Normerande klassning'),
    {
      text: `Klassningen utgår från mallen ”${template.name}”, version ${template.version}, publicerad av ${template.organisationName} (mallens profil ${template.profileText}). ${template.loweringPolicy === 'never' ? 'Mallen tillåter inte sänkning.' : 'Sänkning kräver motivering och godkännande.'}`,
      margin: [0, 0, 0, 4],
    },
    dataTable(
      [60, 60, 70, '*'],
      ['Mallens nivå', 'Lokal nivå', 'Avvikelse', 'Motivering och godkännande'],
      template.aspects.map((aspect) => [
        levelText(aspect.aspect, aspect.templateLevel),
        { text: levelText(aspect.aspect, aspect.localLevel), bold: true },
        deviationText[aspect.deviation],
        aspect.deviation === 'same' ? '–' : `${text(aspect.motivation)}${aspect.approvedBy ? `\nGodkänd av ${aspect.approvedBy}` : ''}`,
      ]),
    ),
    ...(template.localSets.length > 0 ? [{ text: `Lokalt tillagda informationsmängder: ${template.localSets.join(', ')}.`, margin: [0, 4, 0, 0] }] : []),
    ...(template.fulfilled.length > 0 ? [{ text: `Krav som uppfylls centralt: ${template.fulfilled.map((entry) => `${entry.title} (${entry.hur})`).join('; ')}.`, margin: [0, 4, 0, 0] }] : []),
  ];
}
