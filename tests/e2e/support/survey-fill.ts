import type { Locator, Page } from 'playwright-core';

/** Filling a SurveyJS questionnaire the way a person does: by clicking and typing in the rendered form. */

export function question(scope: Page | Locator, name: string): Locator {
  return scope.locator(`[data-name="${name}"]`).first();
}

/** SurveyJS renders questions far below the fold lazily: bring one into view before using it. */
async function shown(scope: Page | Locator, name: string): Promise<Locator> {
  const element = question(scope, name);
  await element.scrollIntoViewIfNeeded();
  return element;
}

export async function fillText(scope: Page | Locator, name: string, value: string): Promise<void> {
  const input = (await shown(scope, name)).locator('input, textarea').first();
  await input.fill(value);
  await input.press('Tab');
}

export async function choose(scope: Page | Locator, name: string, value: string): Promise<void> {
  await (await shown(scope, name)).locator(`label:has(input[value="${value}"])`).first().click();
}

export async function tick(scope: Page | Locator, name: string, values: readonly string[]): Promise<void> {
  for (const value of values) await choose(scope, name, value);
}

/** A consequence-matrix level, chosen with the keyboard (client/workshop/ConsequenceMatrix.tsx draws them as radios). */
export async function rate(scope: Page | Locator, name: string, row: string, column: string): Promise<void> {
  const cell = (await shown(scope, name)).locator(`[role="radio"][data-row="${row}"][data-column="${column}"]`);
  await cell.focus();
  await cell.press('Enter');
}

export async function goToPage(page: Page, title: string): Promise<void> {
  // The progress bar above the form names the pages and jumps between them.
  await page.getByRole('tab', { name: title, exact: true }).click();
}
