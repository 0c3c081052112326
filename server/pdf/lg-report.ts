import type { LgReportData } from '../reports/lg-report-data';
import { assetTypeNames, percentText, planStatusNames, priorityNames, screeningNames, swedishDay } from '../reports/labels';
import type { Content, DocumentDefinition } from './doc-types';
import { dataTable, factTable, heading, pageFrame } from './layout';

const n = (value: number) => value.toLocaleString('sv-SE');

const change = (from: number, to: number) => (to === from ? '±0' : to > from ? `+${n(to - from)}` : `−${n(from - to)}`);
const paragraphs = (text: string) => text.split(/\n{2,}/).map((part) => ({ text: part, margin: [0, 0, 0, 4] as [number, number, number, number] }));

/** Issue 17: this year beside the year before, the figures a reader compares first. */
function comparisonSection(data: LgReportData): Content[] {
  const before = data.previousYear;
  const rows: [string, number, number][] = [
    ['Informationstillgångar', before.coverage.assets, data.coverage.assets],
    ['Klassade', before.coverage.classified, data.coverage.classified],
    ['Klassningar fastställda under året', before.decidedInYear.classifications, data.decidedInYear.classifications],
    ['Omprövningar utan ändring', before.decidedInYear.reviewsConfirmed, data.decidedInYear.reviewsConfirmed],
    ['Krav i handlingsplanerna', before.planAtYearEnd.total, data.planAtYearEnd.total],
    ['Öppna krav', before.planAtYearEnd.open, data.planAtYearEnd.open],
    ['Försenade krav', before.planAtYearEnd.overdue, data.planAtYearEnd.overdue],
    ['Gällande riskacceptanser', before.planAtYearEnd.riskAcceptances, data.planAtYearEnd.riskAcceptances],
    ['Konsekvensbedömningar fastställda under året', before.decidedInYear.dpias, data.decidedInYear.dpias],
  ];
  return [
    heading(`7. Jämförelse med ${before.year}`),
    { text: `Läget per ${swedishDay(before.asOf)} och per ${swedishDay(data.asOf)}.`, style: 'note', margin: [0, 0, 0, 4] },
    dataTable(['*', 60, 60, 60], ['Uppgift', String(before.year), String(data.year), 'Förändring'], [
      ['Andel klassade', percentText(before.coverage.share), percentText(data.coverage.share), ''],
      ...rows.map(([label, from, to]) => [label, n(from), n(to), change(from, to)]),
    ]),
  ];
}

/** Issue 17: the ISAM's own section, written in Sigill before the report is generated. */
function statementSection(data: LgReportData): Content[] {
  const { statement } = data;
  return [
    heading('8. Slutsatser och förslag till åtgärder'),
    ...(statement.conclusions ? [{ text: 'Slutsatser', style: 'h2' }, ...paragraphs(statement.conclusions)] : []),
    ...(statement.proposedActions ? [{ text: 'Förslag till åtgärder', style: 'h2' }, ...paragraphs(statement.proposedActions)] : []),
    statement.conclusions || statement.proposedActions
      ? { text: `Skrivet av ${statement.updatedBy ?? 'informationssäkerhetssamordnaren'} ${swedishDay(statement.updatedAt)}.`, style: 'note' }
      : { text: 'Informationssäkerhetssamordnaren har inte skrivit några slutsatser för året.', style: 'note' },
  ];
}

/** The figures of a Ledningens genomgång (seeds 000–002), computed from the inventory, as a PDF. */
/**
 * The PDF lists this many unclassified assets at most: a region has tens of thousands, which would be
 * hundreds of pages for ledningen (and minutes of rendering). The XLSX holds every one.
 */
export const notClassifiedListed = 300;

function notClassifiedSection(data: LgReportData): Content[] {
  const rows = data.notClassified;
  if (rows.length === 0) return [heading('6. Informationstillgångar som inte är klassade'), { text: 'Alla informationstillgångar är klassade.', style: 'note' }];
  const listed = rows.slice(0, notClassifiedListed);
  return [
    heading('6. Informationstillgångar som inte är klassade'),
    ...(rows.length > listed.length ? [{ text: `Listan visar de första ${n(listed.length)} av ${n(rows.length)}, per organisation och namn. Hela listan finns i Excel-filen och i förteckningen.`, style: 'note' }] : []),
    dataTable(['*', 'auto', '*', 'auto'], ['Namn', 'Typ', 'Organisation', 'Status'], listed.map((row) => [row.name, assetTypeNames[row.type] ?? row.type, row.organisationName, row.status === 'pagar' ? 'Pågår' : 'Ej klassad'])),
  ];
}

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
    { text: `Kraven i handlingsplanerna per ${swedishDay(data.asOf)}, ur kravens historik.`, style: 'note', margin: [0, 0, 0, 4] },
    dataTable(['*', 'auto'], ['Status', 'Antal'], data.planAtYearEnd.byStatus.map((row) => [planStatusNames[row.status] ?? row.status, n(row.count)])),
    { text: 'Läget i dag:', style: 'note', margin: [0, 4, 0, 0] },
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
    ...notClassifiedSection(data),
    ...comparisonSection(data),
    ...statementSection(data),
    { text: `Siffrorna är beräknade av Sigill ur förteckningen ${swedishDay(data.generatedAt)}. Klassningsgrad och handlingsplaner avser ${swedishDay(data.asOf)}; uppgifterna märkta "i dag" och listan över riskacceptanser visar läget när rapporten togs fram.`, style: 'small', margin: [0, 16, 0, 0] },
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
