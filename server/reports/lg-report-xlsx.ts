import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../exports/load-exceljs';
import { assetTypeNames, planStatusNames, priorityNames, screeningNames } from './labels';
import type { LgReportData } from './lg-report-data';

type Cell = string | number | null;

function sheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][]): void {
  const worksheet = workbook.addWorksheet(name);
  worksheet.addRow(header).font = { bold: true };
  for (const row of rows) worksheet.addRow(row);
  worksheet.columns.forEach((column, index) => {
    column.width = Math.min(60, Math.max(12, ...[header[index] ?? '', ...rows.map((row) => String(row[index] ?? ''))].map((text) => text.length + 2)));
  });
  worksheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The same figures as the PDF, one sheet per section, as numbers a spreadsheet can sum. */
export async function lgReportWorkbook(data: LgReportData): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Sigill';
  workbook.created = new Date(data.generatedAt);
  const { coverage, decidedInYear: year, today } = data;
  sheet(workbook, 'Sammanfattning', ['Uppgift', 'Värde'], [
    ['Organisation', data.organisationName],
    ['År', data.year],
    ['Klassningsgrad per', data.asOf.slice(0, 10)],
    ['Informationstillgångar', coverage.assets],
    ['Klassade', coverage.classified],
    ['Andel klassade (%)', coverage.share],
    ['Klassning pågår', coverage.inProgress],
    ['Ej klassade', coverage.notClassified],
    [`Klassningar fastställda ${data.year}`, year.classifications],
    ['  varav första klassning', year.firstTime],
    ['  varav ny version', year.newVersions],
    [`Omprövningar utan ändring ${data.year}`, year.reviewsConfirmed],
    ['Försenade omprövningar i dag', today.total.overdue],
    ['Öppna krav i handlingsplaner', today.plan.open],
    ['Försenade krav', today.plan.overdue],
    ['Gällande riskacceptanser', today.plan.riskAcceptances.active],
    ['Riskacceptanser som upphör inom 90 dagar', today.plan.riskAcceptances.expiringSoon],
    ['Upphörda riskacceptanser', today.plan.riskAcceptances.expired],
    [`Konsekvensbedömningar fastställda ${data.year}`, year.dpias],
    [`Förhandssamråd ${data.year}`, year.priorConsultations],
    ['Klassningar med nivå 4 (säkerhetsskydd)', data.specialAnalyses.levelFour],
    ['  varav med särskild analys registrerad', data.specialAnalyses.recorded],
    ...year.screenings.map((row): Cell[] => [`Förhandsbedömningar ${data.year}: ${screeningNames[row.outcome] ?? row.outcome}`, row.count]),
  ]);
  sheet(workbook, 'Per organisation', ['Organisation', 'Antal', 'Klassade', 'Andel (%)', 'Pågår', 'Ej klassade', 'Försenad omprövning'], today.organisations.map((row) => [row.name, row.assets, row.faststalld, row.shares.faststalld, row.pagar, row.ejKlassad, row.overdue]));
  sheet(workbook, 'Handlingsplaner', ['Status', 'Antal'], [...today.plan.byStatus.map((row): Cell[] => [planStatusNames[row.status] ?? row.status, row.count]), ...today.plan.openByPriority.map((row): Cell[] => [`Öppna, prioritet ${priorityNames[String(row.priority)]}`, row.count])]);
  sheet(workbook, 'Riskacceptanser', ['Informationstillgång', 'Krav', 'Beslutad av', 'Gäller till'], data.riskAcceptances.map((row) => [row.assetName, row.title, row.decidedBy, row.validUntil]));
  sheet(workbook, 'Ej klassade', ['Namn', 'Typ', 'Organisation', 'Status'], data.notClassified.map((row) => [row.name, assetTypeNames[row.type] ?? row.type, row.organisationName, row.status === 'pagar' ? 'Pågår' : 'Ej klassad']));
  const before = data.previousYear;
  sheet(workbook, 'Jämförelse', ['Uppgift', String(before.year), String(data.year)], [
    ['Informationstillgångar', before.coverage.assets, coverage.assets],
    ['Klassade', before.coverage.classified, coverage.classified],
    ['Andel klassade (%)', before.coverage.share, coverage.share],
    ['Klassningar fastställda under året', before.decidedInYear.classifications, year.classifications],
    ['Omprövningar utan ändring', before.decidedInYear.reviewsConfirmed, year.reviewsConfirmed],
    ['Krav i handlingsplanerna', before.planAtYearEnd.total, data.planAtYearEnd.total],
    ['Öppna krav', before.planAtYearEnd.open, data.planAtYearEnd.open],
    ['Försenade krav', before.planAtYearEnd.overdue, data.planAtYearEnd.overdue],
    ['Gällande riskacceptanser', before.planAtYearEnd.riskAcceptances, data.planAtYearEnd.riskAcceptances],
    ...data.planAtYearEnd.byStatus.map((row, index): Cell[] => [`Krav: ${planStatusNames[row.status] ?? row.status}`, before.planAtYearEnd.byStatus[index]?.count ?? 0, row.count]),
    ['Konsekvensbedömningar fastställda under året', before.decidedInYear.dpias, year.dpias],
  ]);
  sheet(workbook, 'Slutsatser', ['Avsnitt', 'Text'], [
    ['Slutsatser', data.statement.conclusions],
    ['Förslag till åtgärder', data.statement.proposedActions],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
