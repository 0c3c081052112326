import type { Assessment } from '../contract/api-types';

/** The classification flags that call for a DPIA screening (issue 17.2). */
export const screeningFlags = ['kansligaPersonuppgifter', 'riskanalysRekommenderas'] as const;
export type ScreeningFlag = (typeof screeningFlags)[number];

type Listed = Pick<Assessment, 'kind' | 'status' | 'result' | 'decidedAt' | 'createdAt'>;

function flagsOf(classification: Listed): ScreeningFlag[] {
  const flags = (classification.result?.['classification'] as { flags?: Record<string, { value?: unknown }> } | undefined)?.flags;
  return screeningFlags.filter((flag) => flags?.[flag]?.value === true);
}

/**
 * Why the asset should be screened now, or null: the newest fastställd classification shows sensitive
 * personal data or recommends a risk analysis, and no screening has been started since it was decided.
 */
export function screeningPrompt(assessments: readonly Listed[]): ScreeningFlag[] | null {
  const decided = assessments.filter((entry) => entry.kind === 'classification' && entry.status === 'faststalld' && entry.decidedAt);
  const newest = decided.toSorted((a, b) => b.decidedAt!.localeCompare(a.decidedAt!))[0];
  if (!newest) return null;
  const flags = flagsOf(newest);
  if (flags.length === 0) return null;
  const screenedSince = assessments.some((entry) => entry.kind === 'dpia-screening' && entry.createdAt >= newest.decidedAt!);
  return screenedSince ? null : flags;
}
