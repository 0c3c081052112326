import type { Kysely } from 'kysely';
import type { AppDeps } from '../app-context';
import { approvalsOf } from '../approvals/approval-store';
import { needsSpecialAnalysis } from '../assessments/special-analysis';
import { latestSpecialAnalysis } from '../assessments/special-analysis-store';
import type { Assessment } from '../assessments/assessment-store';
import { usedContent } from '../assessments/used-content';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { planOfAsset } from '../plans/plan-store';
import type { SealMaterial } from '../sealing/seal-material';
import { templateBasisOf } from '../templates/protocol-basis';
import { choiceLabelsOf } from './labels';
import type { PlanLine, ProtocolData, RiskMatrix } from './protocol-types';
import type { ChainHead } from '../audit/audit-log';
import type { DpiaAssessment } from '../../scoring/dpia/assessment-types';
import { riskNumbers } from '../pdf/risk-map';

/** How a DPIA plan line names the risks and principles it answers: by the UI's number and title, never by id. */
interface DpiaNames {
  risk(id: string): string;
  principle(id: string): string;
}

function dpiaNames(assessment: Assessment): DpiaNames {
  if (assessment.kind !== 'dpia' || !assessment.result) return { risk: (id) => id, principle: (id) => id };
  const result = assessment.result as unknown as DpiaAssessment;
  const numbers = riskNumbers(result.risks);
  return {
    risk: (id) => {
      const risk = result.risks.find((entry) => entry.id === id);
      return risk ? `${numbers.get(id) ?? '–'} (${risk.title})` : id;
    },
    // A principle's label is its name, a dash and the question it asks: the name is enough here.
    principle: (id) => result.principles.find((entry) => entry.id === id)?.label.split(' – ')[0] ?? id,
  };
}

function reasonText(detail: Record<string, unknown>, names: DpiaNames): string {
  const reasons = Array.isArray(detail.reasons) ? detail.reasons : [];
  const texts = reasons.map((reason) => (typeof reason === 'object' && reason !== null && 'text' in reason ? String(reason.text) : '')).filter(Boolean);
  if (texts.length > 0) return texts.join(' ');
  const risks = Array.isArray(detail.risks) ? detail.risks.map(String) : [];
  if (risks.length > 0) return `Minskar ${risks.length > 1 ? 'riskerna' : 'risken'} ${risks.map(names.risk).join(', ')}.`;
  if (typeof detail.principle === 'string') return `Princip att förbättra: ${names.principle(detail.principle)}.`;
  return '–';
}

async function planLines(deps: AppDeps, assessment: Assessment): Promise<PlanLine[]> {
  const items = await planOfAsset(deps.database.db, await deps.organisations.current(), { id: assessment.assetId, organisationId: assessment.organisationId });
  // A screening has no action plan of its own.
  if (assessment.kind === 'dpia-screening') return [];
  const source = assessment.kind === 'dpia' ? 'dpia' : 'classification';
  const names = dpiaNames(assessment);
  return items
    .filter((item) => item.applicable && item.source === source && item.assessmentId === assessment.id)
    .map((item) => {
      const detail = item.detail;
      const owner = typeof detail.owner === 'string' ? detail.owner : null;
      const due = typeof detail.due === 'string' ? detail.due : null;
      return { key: item.sourceKey, title: item.title, why: reasonText(detail, names), status: item.status, ansvarig: item.ansvarig ?? owner, date: item.plannedDate ?? due, hur: item.hur };
    });
}

function riskMatrix(deps: AppDeps, assessment: Assessment): RiskMatrix | null {
  if (assessment.kind !== 'dpia') return null;
  const form = deps.forms.get(assessment.form.id, assessment.form.version);
  if (!form) return null;
  const model = usedContent(deps.forms, form, 'dpia-risk-model').riskModel;
  return {
    severity: model.severity.steps.map((step) => ({ value: step.value, label: step.label })),
    likelihood: model.likelihood.steps.map((step) => ({ value: step.value, label: step.label })),
    levels: model.levels.map((level) => ({ id: level.id, label: level.label })),
    cells: model.matrix.map((row) => ({ severity: row.severity, levels: [...row.levels] })),
  };
}

function modelTitle(deps: AppDeps, assessment: Assessment): string | null {
  const model = (assessment.result as { classification?: { model?: { id: string; version: number } } } | null)?.classification?.model;
  return model ? (deps.forms.get(model.id, model.version)?.meta.title ?? null) : null;
}

async function organisationNames(db: Kysely<Database>, deps: AppDeps, organisationId: string): Promise<{ name: string; topName: string }> {
  const chain = (await deps.organisations.current()).selfAndAncestors(organisationId);
  const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', chain).execute();
  const nameOf = (id: string | undefined) => rows.find((row) => row.id === id)?.name ?? '';
  return { name: nameOf(chain[0]), topName: nameOf(chain.at(-1)) };
}

/** Collects what a protocol shows from the stored, frozen records of one decided assessment. */
export async function gatherProtocolData(deps: AppDeps, assessment: Assessment, protocol: { id: string; version: number }, seal: SealMaterial, auditHead: ChainHead | null = null): Promise<ProtocolData> {
  if (assessment.status !== 'faststalld' || !assessment.decidedAt || !assessment.result) throw new AppError('conflict', 'Only a fastställd assessment has a protocol');
  const { db } = deps.database;
  const asset = await db.selectFrom('assets').selectAll().where('id', '=', assessment.assetId).executeTakeFirstOrThrow();
  const form = deps.forms.get(assessment.form.id, assessment.form.version);
  return {
    kind: assessment.kind,
    documentId: protocol.id,
    version: `${assessment.round}.${protocol.version}`,
    organisation: await organisationNames(db, deps, asset.organisation_id),
    asset: {
      id: asset.id,
      name: asset.name,
      type: asset.type,
      description: asset.description,
      informationsagare: asset.informationsagare,
      objektagare: asset.objektagare,
      suppliers: JSON.parse(asset.suppliers) as string[],
      hosting: asset.hosting,
    },
    assessment: {
      id: assessment.id,
      round: assessment.round,
      form: { ...assessment.form, title: form?.meta.title ?? assessment.form.id },
      decidedAt: assessment.decidedAt,
      answers: assessment.answers,
      result: assessment.result,
    },
    modelTitle: modelTitle(deps, assessment),
    labels: form ? choiceLabelsOf(form.content as { survey?: Record<string, unknown> }) : {},
    approvals: (await approvalsOf(db, assessment.id)).filter((approval) => !approval.withdrawnAt && approval.step !== 'returned'),
    plan: await planLines(deps, assessment),
    riskMatrix: riskMatrix(deps, assessment),
    template: assessment.kind === 'classification' ? await templateBasisOf(deps, assessment) : null,
    specialAnalysis: needsSpecialAnalysis(assessment) ? await latestSpecialAnalysis(db, assessment.id) : null,
    nextReviewAt: assessment.kind === 'classification' ? asset.next_review_at : (((assessment.result as { review?: { date?: string | null } }).review?.date) ?? null),
    verifyUrl: `${deps.config.publicUrl}/verifiera`,
    seal: { development: seal.development, subject: seal.subject },
    auditHead,
  };
}
