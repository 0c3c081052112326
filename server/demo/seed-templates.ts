import type { AppDeps } from '../app-context';
import { findAssessment } from '../assessments/assessment-store';
import { publishTemplate } from '../templates/publish-template';

/**
 * The demo's normative classification: Exempelkommun (central) publishes its fastställd ekonomisystem
 * as a template that the förvaltningar may adopt; lowering needs the local informationsägare's
 * approval, and central IT's backup is fulfilled for everyone.
 */
export async function seedDemoTemplate(deps: AppDeps, assessmentId: string, kommunId: string, isamUserId: string): Promise<void> {
  const assessment = await findAssessment(deps.database.db, assessmentId);
  if (!assessment) return;
  await publishTemplate(
    deps,
    assessment,
    {
      name: 'Ekonomisystemet (stadsgemensamt)',
      description: 'Kommungemensamt ekonomisystem i drift hos kommunens IT. Förvaltningarna klassar sin egen användning utifrån mallen.',
      loweringPolicy: 'with_approval',
      loweringApprover: 'local',
      fulfilled: [{ requirementId: 'tek-sakerhetskopiering', hur: 'Kommunens IT tar säkerhetskopior varje natt och provar återläsning varje kvartal.' }],
    },
    { organisationId: kommunId },
    isamUserId,
  );
}
