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
};

/** Every step of the sign-off that led to this version, in order: who, in which role, when and what they confirmed. */
export function approvalSection(data: ProtocolData, title: string): Content[] {
  const steps = data.approvals.filter((approval) => !approval.withdrawnAt);
  return [
    heading(title),
    dataTable(
      [92, 110, 70, '*'],
      ['Steg', 'Namn och roll', 'Tidpunkt', 'Intygande'],
      steps.map((approval) => [
        { text: stepText[approval.step], bold: true },
        `${approval.userName}\n${roleText[approval.role]}`,
        swedishDate(approval.createdAt, true),
        approval.statement,
      ]),
    ),
  ];
}
