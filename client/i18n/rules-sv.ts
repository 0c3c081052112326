/** Swedish strings for the enforced decision rules (issue 13); spread last into messages-sv.ts. */
export const rulesSv = {
  'rules.principlesBlock': 'Behandlingen kan inte godkännas medan en princip är bedömd som ”Att korrigera”. Rätta först:',
  'rules.principlesRefused': 'Beslutet togs inte emot: behandlingen kan inte godkännas medan dessa principer ska korrigeras:',
  'rules.motivationRule': 'Motiveringen ska säga varför beslutet avviker från rådet: minst {words} ord, varav minst {own} egna. Att upprepa beslutet eller rådet räcker inte.',
  'rules.motivation.too-short': 'Motiveringen är för kort: skriv minst {words} ord om varför beslutet avviker från rådet.',
  'rules.motivation.restates': 'Motiveringen upprepar bara beslutet eller rådet. Skriv med egna ord varför ni beslutar annorlunda (minst {own} egna ord).',
  'rules.duties.heading': 'Åtskilda roller vid beslut',
  'rules.duties.intro': 'Den som skickar en bedömning för granskning eller markerar den klar för beslut får inte själv fatta beslutet. En administratör kan stänga av kravet för en liten organisation där samma person måste göra båda; protokollet anger det då. Avstängt gäller det också organisationerna under.',
  'rules.duties.on': 'Gäller nu: åtskilda roller krävs.',
  'rules.duties.off': 'Gäller nu: samma person får förbereda och fatta beslutet. Protokollet anger när det har skett.',
  'rules.duties.offAbove': 'Gäller nu: samma person får förbereda och fatta beslutet, eftersom {organisation} har stängt av kravet.',
  'rules.duties.toggle': 'Kräv åtskilda roller: den som förberett beslutet får inte fatta det',
  'rules.duties.save': 'Spara inställningen',
  'rules.duties.savedOn': 'Sparat. Åtskilda roller krävs.',
  'rules.duties.savedOff': 'Sparat. Samma person får nu förbereda och fatta beslutet.',
  'rules.selfDecisionRefused': 'Du skickade bedömningen för granskning eller markerade den klar för beslut, så någon annan måste fatta beslutet (åtskilda roller). En administratör kan stänga av kravet för organisationen.',
  'signOff.detail.sameAsPreparer': 'Samma person förberedde och beslutade',
};
