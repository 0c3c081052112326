/** Issue 17.3: the kravkatalog's guidance per requirement on the handlingsplan. */
export const planGuidanceSv = {
  'planGuidance.summary': 'Vägledning',
} satisfies Record<string, string>;
