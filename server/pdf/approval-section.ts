import type { ApprovalStep, Role } from '../db/schema';
import type { ProtocolData } from '../protocols/protocol-types';
import type { Content } from './doc-types';
import { dataTable, heading, swedishDate } from './layout';

export const stepText: Record<ApprovalStep, string> = {
  ready: 'Klar för beslut',
  dso_advice: 'Dataskyddsombudets råd',
  decision: 'Beslut',
  returned: 'Återförvisad',
};

export const roleText: Record<Role, string> = {
  admin: 'Administratör',
  isam: 'Informationssäkerhetssamordnare',
  dso: 'Dataskyddsombud',
  objektledare: 'Objektledare',
  beslutsfattare: 'Beslutsfattare',
  granskare: 'Granskare',
  sakerhetsskyddschef: 'Säkerhetsskyddschef',
};

/** Said when separation of duties was turned off and the decider had also prepared the round (issue 13). */
export const sameAsPreparerText =
  'Samma person förberedde och fattade beslutet: organisationen har stängt av kravet på åtskilda roller, så den som skickade bedömningen för granskning eller markerade den klar för beslut fattade också beslutet.';

/** Every step of the sign-off that led to this version, in order: who, in which role, when and what they confirmed. */
export function approvalSection(data: ProtocolData, title: string): Content[] {
  const steps = data.approvals.filter((approval) => !approval.withdrawnAt);
  const sameAsPreparer = steps.some((approval) => approval.step === 'decision' && approval.details['sameAsPreparer'] === 'ja');
  return [
    heading(title),
    dataTable(
      ['auto', 'auto', 'auto', '*'],
      ['Steg', 'Namn och roll', 'Tidpunkt', 'Intygande'],
      steps.map((approval) => [
        { text: stepText[approval.step], bold: true },
        `${approval.userName}\n${roleText[approval.role]}`,
        swedishDate(approval.createdAt, true),
        [approval.statement, approval.delegation ? `Delegation: ${approval.delegation}` : '', approval.diarienummer ? `Diarienummer: ${approval.diarienummer}` : ''].filter(Boolean).join('\n'),
      ]),
    ),
    ...(sameAsPreparer ? [{ text: sameAsPreparerText, bold: true, margin: [0, 6, 0, 0] } as Content] : []),
  ];
}
