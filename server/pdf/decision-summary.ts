import type { ApprovalRecord, ProtocolData } from '../protocols/protocol-types';
import { roleText } from './approval-section';
import type { Content } from './doc-types';
import { colours, factTable, swedishDate } from './layout';

/** The decision in force: the last decision step not withdrawn. */
export function decisionOf(data: ProtocolData): ApprovalRecord | undefined {
  return data.approvals.findLast((approval) => approval.step === 'decision' && !approval.withdrawnAt);
}

/** Who decided, when, under which delegation and diarienummer, and when it is reviewed: the rows every decision page ends with. */
export function decisionFacts(data: ProtocolData): [string, string][] {
  const decision = decisionOf(data);
  return [
    ['Beslutat av', decision ? `${decision.userName}, ${roleText[decision.role].toLowerCase()}` : ''],
    ['Beslutat', swedishDate(data.assessment.decidedAt, true)],
    ['Delegation', decision?.delegation ?? ''],
    ['Diarienummer', decision?.diarienummer ?? ''],
    ['Nästa omprövning', data.nextReviewAt ? `senast ${swedishDate(data.nextReviewAt)}` : ''],
  ];
}

/**
 * Page 1 of a protocol: what was decided, in one sentence and a short table, so a reader (or a
 * nämnd's secretary) sees the decision before the working material. The rest starts on page 2.
 */
export function decisionSummary(title: string, subtitle: string, lead: string, facts: [string, string][], note: string): Content[] {
  return [
    { text: title, style: 'title' },
    { text: subtitle, style: 'subtitle' },
    {
      table: { widths: ['*'], body: [[{ text: lead, fontSize: 12, bold: true, color: colours.ink }]] },
      layout: { hLineWidth: () => 0, vLineWidth: (index: number) => (index === 0 ? 3 : 0), vLineColor: () => colours.accent, fillColor: () => colours.band, paddingLeft: () => 10, paddingTop: () => 8, paddingBottom: () => 8 },
      margin: [0, 0, 0, 10],
    },
    factTable(facts),
    { text: note, style: 'note', margin: [0, 10, 0, 0], pageBreak: 'after' },
  ];
}
