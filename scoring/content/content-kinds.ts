import type { z } from 'zod';
import { dpiaRiskModelFileSchema } from './dpia-risk-model';
import { questionnaireFileSchema } from './form-file';
import { classificationModelFileSchema } from './classification-model';
import { controlSetFileSchema } from './control-set';
import { lagrumFileSchema } from './lagrum-list';
import { requirementCatalogFileSchema } from './requirement-catalog';

/**
 * Every kind of file that may stand in forms/, with the schema its whole file must satisfy.
 * A file's meta.kind picks its schema; an unknown kind is an error, not a pass.
 */
export const contentKinds = {
  questionnaire: questionnaireFileSchema,
  'classification-model': classificationModelFileSchema,
  'requirement-catalog': requirementCatalogFileSchema,
  lagrum: lagrumFileSchema,
  'dpia-risk-model': dpiaRiskModelFileSchema,
  'control-set': controlSetFileSchema,
} satisfies Record<string, z.ZodType<{ meta: { kind: string } }>>;

export type ContentKind = keyof typeof contentKinds;

export function isContentKind(kind: string): kind is ContentKind {
  return Object.hasOwn(contentKinds, kind);
}
