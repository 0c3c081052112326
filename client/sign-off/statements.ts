import type { AssessmentKind } from '../contract/api-types';

/**
 * What a person confirms with each approval. Always Swedish: the text is stored with the approval
 * and printed in the Swedish protocol, so it must read the same whatever language the app shows.
 */
export function readyStatement(assetName: string): string {
  return `Jag har som objektledare gått igenom informationsklassningen av ${assetName} tillsammans med verksamheten och bedömer att den är klar för beslut.`;
}

export function adviceStatement(assetName: string): string {
  return `Jag lämnar som dataskyddsombud mitt råd enligt artikel 35.2 i dataskyddsförordningen om konsekvensbedömningen av ${assetName}, med de skäl och villkor som jag har angett.`;
}

export function exemptionStatement(assetName: string): string {
  return `Jag avgör som dataskyddsombud det undantag som förhandsbedömningen av ${assetName} åberopar, med de skäl som jag har angett.`;
}

export function decisionStatement(kind: AssessmentKind, assetName: string): string {
  switch (kind) {
    case 'classification':
      return `Jag fastställer som beslutsfattare informationsklassningen av ${assetName} med dess handlingsplan och tar ansvar för de risker som klassningen beskriver.`;
    case 'dpia':
      return `Jag fattar som beslutsfattare beslut om konsekvensbedömningen av ${assetName} efter att ha tagit del av bedömningen och dataskyddsombudets råd.`;
    case 'dpia-screening':
      return `Jag fastställer som beslutsfattare förhandsbedömningen av ${assetName}.`;
  }
}
