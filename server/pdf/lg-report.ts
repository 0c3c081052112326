import type { LgReportData } from '../reports/lg-report-data';
import { assetTypeNames, percentText, planStatusNames, priorityNames, screeningNames, swedishDay } from '../reports/labels';
import type { Content, DocumentDefinition } from './doc-types';
import { dataTable, factTable, heading, pageFrame } from './layout';

const n = (value: number) => value.toLocaleString('sv-SE');

/** The figures of a Ledningens genomgång (seeds 000–002), computed from the inventory, as a PDF. */
export function lgReportDocument(data: LgReportData): DocumentDefinition {
  const { coverage, decidedInYear: year, today } = data;
  const generated = new Date(data.generatedAt);
  const headline = `Av ${n(coverage.assets)} informationstillgångar är ${n(coverage.classified)} klassade (${percentText(coverage.share)}) per ${swedishDay(data.asOf)}.`;
  const content: Content[] = [
    { text: 'Ledningens genomgång', style: 'title' },
    { text: `Informationssäkerhet ${data.year} – ${data.organisationName}`, style: 'subtitle' },
    { text: headline, fontSize: 12, bold: true, margin: [0, 0, 0, 8] },
    heading('1. Informationsklassning'),
    factTable([
      ['Informationstillgångar', n(coverage.assets)],
      ['Klassade (fastställd klassning)', `${n(coverage.classified)} (${percentText(coverage.share)})`],
      ['Klassning pågår', n(coverage.inProgress)],
      ['Ej klassade', n(coverage.notClassified)],
      [`Klassningar fastställda ${data.year}`, `${n(year.classifications)}, varav ${n(year.firstTime)} första klassning och ${n(year.newVersions)} ny version`],
      // Säkerhetsskydd: no requirements are generated at level 4; the separate analysis is kept by the säkerhetsskyddschef.
      [`Klassningar med nivå 4 (säkerhetsskydd) ${data.year}`, `${n(data.specialAnalyses.levelFour)}, varav ${n(data.specialAnalyses.recorded)} med särskild analys registrerad`],
    ]),
    { text: 'Per organisation (läget i dag)', style: 'h2' },
    dataTable(['*', 'auto', 'auto', 'auto', 'auto', 'auto'], ['Organisation', 'Antal', 'Klassade', 'Andel', 'Pågår', 'Försenad omprövning'], today.organisations.filter((row) => row.assets > 0).map((row) => [row.name, n(row.assets), n(row.faststalld), percentText(row.shares.faststalld), n(row.pagar), n(row.overdue)])),
    heading('2. Omprövning'),
    factTable([
      [`Omprövningar ${data.year} utan ändring`, n(year.reviewsConfirmed)],
      [`Omprövningar ${data.year} med ny version`, n(year.newVersions)],
      ['Försenade omprövningar i dag', n(today.total.overdue)],
      ['Omprövning inom 30 dagar', n(today.total.dueSoon)],
    ]),
    heading('3. Handlingsplaner'),
    { text: 'Läget i dag för kraven i handlingsplanerna.', style: 'note', margin: [0, 0, 0, 4] },
    dataTable(['*', 'auto'], ['Status', 'Antal'], today.plan.byStatus.map((row) => [planStatusNames[row.status] ?? row.status, n(row.count)])),
    { text: '', margin: [0, 4] },
    factTable([
      ['Öppna krav', n(today.plan.open)],
      ['Öppna krav per prioritet', today.plan.openByPriority.map((row) => `${priorityNames[String(row.priority)]}: ${n(row.count)}`).join(', ')],
      ['Försenade (planerat datum passerat)', n(today.plan.overdue)],
    ]),
    heading('4. Riskacceptanser'),
    factTable([
      ['Gällande', n(today.plan.riskAcceptances.active)],
      ['Upphör inom 90 dagar', n(today.plan.riskAcceptances.expiringSoon)],
      ['Har upphört', n(today.plan.riskAcceptances.expired)],
    ]),
    data.riskAcceptances.length > 0 ? dataTable(['*', '*', 'auto', 'auto'], ['Informationstillgång', 'Krav', 'Beslutad av', 'Gäller till'], data.riskAcceptances.map((row) => [row.assetName, row.title, row.decidedBy ?? '–', swedishDay(row.validUntil)])) : { text: 'Inga riskacceptanser.', style: 'note' },
    heading('5. Konsekvensbedömningar (DPIA)'),
    factTable([
      [`Förhandsbedömningar ${data.year}`, year.screenings.map((row) => `${screeningNames[row.outcome] ?? row.outcome}: ${n(row.count)}`).join(', ') || '0'],
      [`Konsekvensbedömningar fastställda ${data.year}`, n(year.dpias)],
      [`Förhandssamråd med IMY ${data.year}`, n(year.priorConsultations)],
      ['Konsekvensbedömningar som gäller i dag', n(today.dpia.dpiasDecided)],
      ['Pågående konsekvensbedömningar', n(today.dpia.dpiasInProgress)],
      ['Försenade omprövningar av konsekvensbedömningar', n(today.dpia.reviewsOverdue)],
    ]),
    heading('6. Informationstillgångar som inte är klassade'),
    data.notClassified.length > 0
      ? dataTable(['*', 'auto', '*', 'auto'], ['Namn', 'Typ', 'Organisation', 'Status'], data.notClassified.map((row) => [row.name, assetTypeNames[row.type] ?? row.type, row.organisationName, row.status === 'pagar' ? 'Pågår' : 'Ej klassad']))
      : { text: 'Alla informationstillgångar är klassade.', style: 'note' },
    { text: `Siffrorna är beräknade av Sigill ur förteckningen ${swedishDay(data.generatedAt)}. Klassningsgraden avser ${swedishDay(data.asOf)}; handlingsplaner och riskacceptanser visar läget när rapporten togs fram.`, style: 'small', margin: [0, 16, 0, 0] },
  ];
  return pageFrame(
    {
      title: `Ledningens genomgång ${data.year}: ${data.organisationName}`,
      subject: 'Ledningens genomgång',
      author: data.organisationName,
      date: generated,
      header: [data.organisationName, `Ledningens genomgång ${data.year}`],
      footer: `Framtagen ${swedishDay(data.generatedAt)}`,
    },
    content,
  );
}
