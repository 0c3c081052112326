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

/** A consequence-matrix cell, chosen with the keyboard (the cells are radios only through Sigill's enhancement). */
export async function rate(scope: Page | Locator, name: string, row: string, column: string): Promise<void> {
  const cell = (await shown(scope, name)).locator(`td[data-row="${row}"][data-column="${column}"]`);
  await cell.focus();
  await cell.press('Enter');
}

export async function goToPage(page: Page, title: string): Promise<void> {
  // The page list (SurveyJS's table of contents) beside the form.
  await page.getByRole('menuitemradio', { name: title, exact: true }).click();
}
