import { describe, expect, it } from 'vitest';
import { screeningPrompt } from '../../../client/domain/screening-prompt';

const classification = (flags: Record<string, boolean>, decidedAt: string | null = '2026-11-01T10:00:00Z') => ({
  kind: 'classification' as const,
  status: decidedAt ? ('faststalld' as const) : ('utkast' as const),
  decidedAt,
  createdAt: '2026-10-01T10:00:00Z',
  result: { classification: { flags: Object.fromEntries(Object.entries(flags).map(([name, value]) => [name, { value, reason: '' }])) } },
});
const screening = (createdAt: string) => ({ kind: 'dpia-screening' as const, status: 'utkast' as const, decidedAt: null, createdAt, result: null });

describe('the prompt for a DPIA screening after a classification', () => {
  it('names the flags of the newest fastställd classification that call for one', () => {
    expect(screeningPrompt([classification({ kansligaPersonuppgifter: true, riskanalysRekommenderas: true })])).toEqual(['kansligaPersonuppgifter', 'riskanalysRekommenderas']);
    expect(screeningPrompt([classification({ kansligaPersonuppgifter: false, riskanalysRekommenderas: true })])).toEqual(['riskanalysRekommenderas']);
  });

  it('stays away without such a flag, before the classification is fastställd, and once a screening started after it', () => {
    expect(screeningPrompt([classification({ kansligaPersonuppgifter: false, riskanalysRekommenderas: false })])).toBeNull();
    expect(screeningPrompt([classification({ kansligaPersonuppgifter: true }, null)])).toBeNull();
    expect(screeningPrompt([classification({ kansligaPersonuppgifter: true }), screening('2026-11-02T08:00:00Z')])).toBeNull();
    // A screening from before the classification was decided does not answer it.
    expect(screeningPrompt([classification({ kansligaPersonuppgifter: true }), screening('2026-09-02T08:00:00Z')])).toEqual(['kansligaPersonuppgifter']);
  });
});
