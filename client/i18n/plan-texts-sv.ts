/** Issue 17.3: the handlingsplan with each requirement's texts, grouped by theme. */
export const planTextsSv = {
  'planTexts.theme.organisatorisk': 'Organisatoriska säkerhetsåtgärder',
  'planTexts.theme.personal': 'Personrelaterade säkerhetsåtgärder',
  'planTexts.theme.fysisk': 'Fysiska säkerhetsåtgärder',
  'planTexts.theme.teknisk': 'Tekniska säkerhetsåtgärder',
  'planTexts.theme.measures': 'Åtgärder från konsekvensbedömningen',
  'planTexts.filterTheme': 'Tema',
  'planTexts.arText': 'ÄR-krav',
  'planTexts.levelText': 'På nivå {aspect}{level}',
  'planTexts.iso': 'ISO/IEC 27002:2022',
} satisfies Record<string, string>;
