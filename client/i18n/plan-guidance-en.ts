/** Issue 17.3: the kravkatalog's guidance per requirement on the handlingsplan. */
export const planGuidanceEn = {
  'planGuidance.summary': 'Guidance',
} satisfies Record<string, string>;
