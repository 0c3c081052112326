import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDomain, demoPassword } from '../../server/demo/seed-demo';
import { launchChromium } from './support/chromium';
import { type RunningServer, startServer } from './support/server-process';
import { expectAccessible, loginInUi } from './support/ui';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({ SIGILL_DEMO: '1' });
  browser = await launchChromium();
  page = await loginInUi(browser, server.url, `isam@${demoDomain}`, demoPassword);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('registering an asset', () => {
  it('names its objektledare among the organisation’s objektledare, who then owns it', async () => {
    await page.getByRole('link', { name: 'Ny informationstillgång' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrera en informationstillgång' }).waitFor();
    await page.getByLabel('Namn').fill('Verksamhetssystem för färdtjänst');
    await page.getByLabel('Organisation (förvaltning)').selectOption({ label: 'Socialförvaltningen' });
    const objektledare = page.getByLabel('Objektledare', { exact: true });
    await expect.poll(() => objektledare.locator('option').allTextContents()).toContain(`Omar Lind (objektledare, socialförvaltningen) (objektledare.social@${demoDomain})`);
    await objektledare.selectOption({ label: `Omar Lind (objektledare, socialförvaltningen) (objektledare.social@${demoDomain})` });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verksamhetssystem för färdtjänst' }).waitFor();
    const assetId = new URL(page.url()).pathname.split('/').at(-1)!;
    const saved = (await page.evaluate(async (id) => (await fetch(`/api/assets/${id}`)).json(), assetId)) as { objektledareUserId: string | null };
    const omar = await page.evaluate(async (email) => {
      const organisations = (await (await fetch('/api/organisations')).json()) as { organisations: { id: string; name: string }[] };
      const social = organisations.organisations.find((organisation) => organisation.name === 'Socialförvaltningen')!;
      const members = (await (await fetch(`/api/organisations/${social.id}/members`)).json()) as { members: { userId: string; email: string }[] };
      return members.members.find((member) => member.email === email)!.userId;
    }, `objektledare.social@${demoDomain}`);
    expect(saved.objektledareUserId).toBe(omar);
  }, 60_000);
});
