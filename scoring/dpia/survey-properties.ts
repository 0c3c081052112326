import type { SurveyPropertyDefinition } from '../content/survey-properties';
import { art353Cases, dpiaFields, dpiaRoles, exemptions, largeScaleFactors, riskKinds, wp248Criteria } from './vocabulary';

/** The property names are API: forms in forms/ carry them and scoring/dpia reads them. */
export const dpiaProperty = {
  role: 'dpiaRole',
  art353: 'dpiaArt353',
  criterion: 'dpiaCriterion',
  scaleFactor: 'dpiaScaleFactor',
  exemption: 'dpiaExemption',
  exemptionMotivation: 'dpiaExemptionMotivation',
  risk: 'dpiaRisk',
  riskKind: 'dpiaRiskKind',
  field: 'dpiaField',
} as const;

const ids = (list: readonly { id: string }[]) => list.map((entry) => entry.id);

/** The DPIA meaning of screening and assessment questions, registered with survey-core once. */
export const dpiaSurveyProperties: readonly SurveyPropertyDefinition[] = [
  { className: 'question', name: dpiaProperty.role, choices: dpiaRoles },
  { className: 'question', name: dpiaProperty.art353, choices: ids(art353Cases) },
  { className: 'question', name: dpiaProperty.criterion, choices: ids(wp248Criteria) },
  { className: 'question', name: dpiaProperty.scaleFactor, choices: ids(largeScaleFactors) },
  { className: 'question', name: dpiaProperty.exemption, choices: ids(exemptions) },
  { className: 'question', name: dpiaProperty.exemptionMotivation, choices: ids(exemptions) },
  { className: 'question', name: dpiaProperty.field, choices: dpiaFields },
  { className: 'matrixdropdowncolumn', name: dpiaProperty.field, choices: dpiaFields },
  // A risk id is free text so that an organisation's form may add risks of its own.
  { className: 'panel', name: dpiaProperty.risk },
  { className: 'panel', name: dpiaProperty.riskKind, choices: riskKinds },
];
