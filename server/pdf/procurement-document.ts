import { themeNames, type ProcurementData } from '../exports/procurement-data';
import type { Content, DocumentDefinition } from './doc-types';
import { pageFrame, swedishDate } from './layout';

/** Upphandlingskrav: the applicable requirements as SKA-krav, numbered for a förfrågningsunderlag. */
export function procurementDocument(data: ProcurementData): DocumentDefinition {
  const generated = new Date(data.generatedAt);
  const intro = `Kraven gäller ${data.asset.name} med klassningen ${data.profileText} (version ${data.round}, fastställd ${swedishDate(data.decidedAt)}), enligt kravkatalogen, version ${data.catalog.version}. Leverantören ska uppfylla kraven och redovisa hur i sitt anbud.`;
  const requirements: Content[] = data.requirements.map((requirement, index) => ({
    unbreakable: true,
    margin: [0, 0, 0, 8],
    stack: [
      { text: `${index + 1}. ${requirement.title}`, bold: true },
      { text: requirement.text, margin: [0, 2, 0, 2] },
      // The number is the reference a tender uses; the catalog's internal id stays in the XLSX export.
      { text: [themeNames[requirement.theme] ?? requirement.theme, requirement.iso27002.length > 0 ? `ISO/IEC 27002:2022 ${requirement.iso27002.join(', ')}` : '', requirement.basis].filter(Boolean).join(' · '), style: 'small' },
    ],
  }));
  const content: Content[] = [
    { text: 'Upphandlingskrav', style: 'title' },
    { text: `Informationssäkerhet – ${data.asset.name}`, style: 'subtitle' },
    { text: intro, margin: [0, 0, 0, 10] },
    ...(data.status === 'stopped'
      ? [{ text: `Inga krav genererades: ${data.stoppedReason ?? 'nivå utanför kravkatalogen'}. Kraven tas fram i en särskild analys.`, bold: true }]
      : requirements.length > 0
        ? requirements
        : [{ text: 'Inga krav gäller.', style: 'note' }]),
    { text: `Framtagen av Sigill ${swedishDate(data.generatedAt)} ur ${data.organisationName}s fastställda klassning.`, style: 'small', margin: [0, 12, 0, 0] },
  ];
  return pageFrame(
    {
      title: `Upphandlingskrav: ${data.asset.name}`,
      subject: 'Upphandlingskrav',
      author: data.organisationName,
      date: generated,
      footer: `Upphandlingskrav – ${data.asset.name}`,
    },
    content,
  );
}
