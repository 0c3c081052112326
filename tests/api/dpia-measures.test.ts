import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { assetInput, type OrgFixture, orgFixture } from '../support/org-fixture';
import { pdftotext } from '../support/pdf-tools';
import { createTestApp, type TestApp } from '../support/test-app';
import { hemtjanstAuthorAnswers } from '../support/hemtjanst-fixture';

interface Assessment {
  id: string;
  revision: number;
}
interface PlanItem {
  id: string;
  source: string;
  sourceKey: string;
  title: string;
  applicable: boolean;
  status: string;
  comment: string | null;
  revision: number;
}

/** The hemtjänst fixture's DPIA with its three measures as the workshop stores them, each row with its own id. */
function dpiaAnswers(): Record<string, unknown> {
  const answers = hemtjanstAuthorAnswers();
  const measures = answers['atgarder'] as Record<string, unknown>[];
  answers['atgarder'] = measures.map((row, index) => ({ ...row, _rowId: ['behorighet', 'forbud', 'loggar'][index] }));
  return answers;
}

let testApp: TestApp;
let org: OrgFixture;
let objektledare: ApiClient;
let assetId: string;

beforeEach(async () => {
  testApp = await createTestApp();
  org = await orgFixture(testApp);
  objektledare = await org.userWith('objektledare', org.socialId);
  assetId = (await objektledare.post<{ id: string }>('/api/assets', assetInput(org.socialId, { name: 'Hemtjänstens planering' }))).body.id;
});
afterEach(async () => {
  await testApp.close();
});

async function dpiaPlan(): Promise<PlanItem[]> {
  const { items } = (await objektledare.get<{ items: PlanItem[] }>(`/api/assets/${assetId}/plan`)).body;
  return items.filter((item) => item.source === 'dpia');
}

const title = (prefix: string) => (item: PlanItem) => item.title.startsWith(prefix);

describe('a DPIA measure’s plan item', { timeout: 30_000 }, () => {
  it('stays with its measure when another measure is deleted, with its edits and the status the form gave it', async () => {
    const started = (await objektledare.post<Assessment>(`/api/assets/${assetId}/assessments`, { kind: 'dpia' })).body;
    expect((await objektledare.put(`/api/assessments/${started.id}/answers`, { baseRevision: 0, answers: dpiaAnswers() })).status).toBe(200);
    const before = await dpiaPlan();
    // The status written in the form (pågående, planerad) reaches the plan instead of "Ej bedömd".
    expect(before.filter(title('Behörighet')).map((item) => item.status)).toEqual(['delvis_uppfyllt']);
    expect(before.filter(title('Skriftligt förbud')).map((item) => item.status)).toEqual(['ej_uppfyllt']);
    const forbud = before.find(title('Skriftligt förbud'))!;
    const edited = await objektledare.patch<PlanItem>(`/api/plan-items/${forbud.id}`, { baseRevision: forbud.revision, comment: 'Utkast skickat till facket.' });
    expect(edited.status).toBe(200);

    // The workshop deletes the first measure by its row id.
    const removed = await objektledare.post(`/api/assessments/${started.id}/changes`, { ops: [{ op: 'remove', list: 'atgarder', rowId: 'behorighet' }] });
    expect(removed.status).toBe(200);
    const after = await dpiaPlan();
    const forbudAfter = after.find((item) => item.id === forbud.id)!;
    expect(forbudAfter).toMatchObject({ applicable: true, comment: 'Utkast skickat till facket.', status: 'ej_uppfyllt' });
    expect(forbudAfter.title).toMatch(/^Skriftligt förbud/);
    expect(after.find((item) => item.id === before.find(title('Månatlig'))!.id)!.title).toMatch(/^Månatlig/);
    expect(after.find((item) => item.id === before.find(title('Behörighet'))!.id)!.applicable).toBe(false);
    // The two measures left and the two principles judged Förbättringsbar.
    expect(after.filter((item) => item.applicable)).toHaveLength(4);
  });

  it('follows a status the form changes, and keeps one set in the plan while the form’s answer stays', async () => {
    const started = (await objektledare.post<Assessment>(`/api/assets/${assetId}/assessments`, { kind: 'dpia' })).body;
    await objektledare.put(`/api/assessments/${started.id}/answers`, { baseRevision: 0, answers: dpiaAnswers() });
    const loggar = (await dpiaPlan()).find(title('Månatlig'))!;
    await objektledare.patch(`/api/plan-items/${loggar.id}`, { baseRevision: loggar.revision, status: 'uppfyllt' });
    // Another answer changes: the plan's own status stands.
    await objektledare.post(`/api/assessments/${started.id}/changes`, { ops: [{ op: 'set', path: ['atgarder', 'loggar', 'ansvarig'], value: 'IT-chef', base: 1 }] });
    expect((await dpiaPlan()).find((item) => item.id === loggar.id)!.status).toBe('uppfyllt');
    await objektledare.post(`/api/assessments/${started.id}/changes`, { ops: [{ op: 'set', path: ['atgarder', 'loggar', 'status'], value: 'pagaende', base: 2 }] });
    expect((await dpiaPlan()).find((item) => item.id === loggar.id)!.status).toBe('delvis_uppfyllt');
  });

  it('prints the measure’s status in the sealed report', async () => {
    const started = (await objektledare.post<Assessment>(`/api/assets/${assetId}/assessments`, { kind: 'dpia' })).body;
    await objektledare.put(`/api/assessments/${started.id}/answers`, { baseRevision: 0, answers: dpiaAnswers() });
    expect((await objektledare.post(`/api/assessments/${started.id}/submit`)).status).toBe(200);
    const dso = await org.userWith('dso', org.socialId);
    await dso.post(`/api/assessments/${started.id}/advise`, { advice: 'tillstyrker', reasons: 'Åtgärderna räcker.', statement: 'Jag lämnar mitt råd enligt artikel 35.2.' });
    const decider = await org.userWith('beslutsfattare', org.socialId);
    const decided = await decider.post<{ status: string }>(`/api/assessments/${started.id}/decide`, { statement: 'Nämnden godkänner.', decision: 'godkann' });
    expect(decided.body.status).toBe('faststalld');
    const response = await objektledare.raw('GET', `/api/assessments/${started.id}/protocol.pdf`);
    const text = pdftotext(Buffer.from(await response.arrayBuffer())).replace(/\s+/g, ' ');
    // Each measure's row: title, why, status; the status written in the form, not "Ej bedömt".
    expect(text).toContain('Behörighet till positioner bara för planerare i tjänst Minskar risken för: Otillåten åtkomst till personuppgifter. Delvis uppfyllt');
    expect(text).toContain('Månatlig logguppföljning av vem som tittat på positioner Minskar risken för: Otillåten åtkomst till personuppgifter; Ändamålsglidning. Ej uppfyllt');
    // The reasons are written out, never as the form's internal ids.
    expect(text).not.toContain('otillaten-atkomst');
  });
});
