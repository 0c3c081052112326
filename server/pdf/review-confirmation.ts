import type { ReviewConfirmationData } from '../reviews/confirmation-data';
import { roleText } from './approval-section';
import type { Content, DocumentDefinition } from './doc-types';
import { auditHeadLines, colours, isEmpty, pageFrame, swedishDate } from './layout';

const kindTitles = { classification: 'Informationsklassning', dpia: 'Konsekvensbedömning (DPIA)' } as const;

/** Label and value; a fact without a value is left out. */
function facts(rows: [string, string][]): Content {
  return {
    table: { widths: [150, '*'], body: rows.filter(([, value]) => !isEmpty(value)).map(([name, value]) => [{ text: name, style: 'label' }, { text: value }]) },
    layout: { hLineWidth: () => 0.4, vLineWidth: () => 0, hLineColor: () => colours.rule, paddingTop: () => 3, paddingBottom: () => 3 },
  };
}

/**
 * The short document a review that found nothing changed leaves behind (klassning.md, "Review"):
 * what was reviewed, who confirmed it and what they confirmed, and when the next review is due.
 */
export function reviewConfirmationDocument(data: ReviewConfirmationData, contentSha256: string): DocumentDefinition {
  const confirmed = new Date(data.confirmedAt);
  const title = 'Omprövning utan ändring';
  const sealNote = data.seal.development
    ? 'OBS: dokumentet är förseglat med ett självutfärdat utvecklingscertifikat. Det visar att filen är oförändrad men inte vem som utfärdat den; det ska inte användas i skarp drift.'
    : `Dokumentet är förseglat med organisationens elektroniska sigill (${data.seal.subject}).`;
  const content: Content[] = [
    { text: title, style: 'title' },
    { text: `${kindTitles[data.assessment.kind]}: ${data.asset.name}`, style: 'subtitle' },
    {
      text: `${kindTitles[data.assessment.kind]}, omgång ${data.assessment.round}, fastställd ${swedishDate(data.assessment.decidedAt)}, har omprövats och gäller oförändrad. Nästa omprövning senast ${swedishDate(data.nextReviewAt)}.`,
      fontSize: 11,
      bold: true,
      margin: [0, 0, 0, 10],
    },
    facts([
      ['Organisation', data.organisation.name],
      ['Informationstillgång', data.asset.name],
      // Numbered as the UI and the protocol's own file name: omgång, and the protocol's version within it ("1.1").
      ['Bedömning', `${kindTitles[data.assessment.kind]}, omgång ${data.assessment.round}`],
      ['Resultat', data.assessment.summary ?? '–'],
      ['Fastställd', swedishDate(data.assessment.decidedAt)],
      ['Protokoll', data.protocol ? `version ${data.assessment.round}.${data.protocol.version}, SHA-256 ${data.protocol.sha256}` : ''],
      ['Föregående omprövning', swedishDate(data.assessment.previousReviewAt)],
      ['Omprövning var planerad', swedishDate(data.wasDueAt)],
    ]),
    { text: 'Bekräftelse', style: 'h1' },
    facts([
      ['Bekräftad av', `${data.confirmedBy.name} (${roleText[data.confirmedBy.role]})`],
      ['Datum', swedishDate(data.confirmedAt, true)],
      ['Vad som bekräftas', data.statement],
      ['Omprövningsintervall', `${data.intervalMonths} månader`],
      ['Nästa omprövning', swedishDate(data.nextReviewAt)],
    ]),
    {
      text: 'En omprövning görs minst årligen och när objektet ändras: ny integration, ny leverantör, ny sorts information, en incident, en lagändring eller en upphandling. Har något sådant skett ska en ny version av bedömningen göras i stället.',
      style: 'note',
      margin: [0, 10, 0, 0],
    },
    {
      unbreakable: true,
      margin: [0, 18, 0, 0],
      stack: [
        { text: 'Så kontrollerar du dokumentet', style: 'h2' },
        { text: `Dokumentet är en PDF med en elektronisk försegling (PAdES). Öppna filen i en PDF-läsare och kontrollera signaturen, eller ladda upp filen på ${data.verifyUrl}.`, margin: [0, 0, 0, 4] },
        { text: sealNote, bold: data.seal.development, margin: [0, 0, 0, 4] },
        { text: 'SHA-256 för dokumentets innehållsdata:', style: 'label' },
        { text: contentSha256, fontSize: 7.5 },
        ...auditHeadLines(data.auditHead),
        { text: `Dokument-id ${data.documentId}.`, style: 'small', margin: [0, 4, 0, 0] },
      ],
    },
  ];
  return pageFrame(
    {
      title: `${title}: ${data.asset.name}`,
      subject: title,
      author: data.organisation.name,
      date: confirmed,
      header: [data.organisation.name, `${title} – ${data.asset.name}`],
      footer: `Dokument-id ${data.documentId}`,
    },
    content,
  );
}
