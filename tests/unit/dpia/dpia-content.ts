import fs from 'node:fs';
import path from 'node:path';
import { dpiaRiskModelFileSchema, type DpiaRiskModelFile } from '../../../scoring/content/dpia-risk-model';
import { questionnaireFileSchema, type QuestionnaireFile } from '../../../scoring/content/form-file';

/** The DPIA content files as the tests read them: straight from forms/, validated by their schemas. */
export const formsDir = path.resolve(import.meta.dirname, '../../../forms');
export const fixturesDir = path.resolve(import.meta.dirname, '../../fixtures/dpia');

export function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function loadRiskModel(file = path.join(formsDir, 'dpia-riskmodell/v1.json')): DpiaRiskModelFile {
  return dpiaRiskModelFileSchema.parse(readJson(file));
}

export function loadQuestionnaire(id: string, version = 1): QuestionnaireFile {
  return questionnaireFileSchema.parse(readJson(path.join(formsDir, id, `v${version}.json`)));
}

/** A municipal case: screening answers with the expected outcome, and for some a full DPIA. */
export interface DpiaFixture {
  slug: string;
  title: string;
  screening: {
    answers: Record<string, unknown>;
    /** The criterion-5 factor answers screening form v2 asks instead of v1's two questions. */
    factorsV2: Record<string, string>;
    expected: {
      outcome: string;
      firedRules: string[];
      art353: string[];
      art353Unsure: string[];
      criteriaMet: string[];
      criteriaUnsure: string[];
      exemptions: string[];
      dsoDecisionNeeded: boolean;
    };
  };
  assessment?: {
    answers: Record<string, unknown>;
    decisionDate: string;
    expected: {
      risks: Record<string, { current: string | null; residual: string | null }>;
      overall: { current: string | null; residual: string | null };
      priorConsultationRequired: boolean;
      approvalBlocked: boolean;
      blockingPrinciples: string[];
      actionPlanCount: number;
      reviewDate: string;
      missingBeforeDso: string[];
    };
  };
}

export function loadFixtures(): DpiaFixture[] {
  return fs
    .readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ slug: name.replace(/\.json$/, ''), ...(readJson(path.join(fixturesDir, name)) as Omit<DpiaFixture, 'slug'>) }));
}
