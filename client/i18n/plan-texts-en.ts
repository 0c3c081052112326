import type { planTextsSv } from './plan-texts-sv';

/** Issue 17.3: the handlingsplan with each requirement's texts, grouped by theme. */
export const planTextsEn = {
  'planTexts.theme.organisatorisk': 'Organizational controls',
  'planTexts.theme.personal': 'People controls',
  'planTexts.theme.fysisk': 'Physical controls',
  'planTexts.theme.teknisk': 'Technological controls',
  'planTexts.theme.measures': 'Measures from the impact assessment',
  'planTexts.filterTheme': 'Theme',
  'planTexts.arText': 'Requirement (as is)',
  'planTexts.levelText': 'At level {aspect}{level}',
  'planTexts.iso': 'ISO/IEC 27002:2022',
} satisfies Record<keyof typeof planTextsSv, string>;
