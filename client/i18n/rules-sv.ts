/** Swedish strings for the enforced decision rules (issue 13); spread last into messages-sv.ts. */
export const rulesSv = {
  'rules.principlesBlock': 'Behandlingen kan inte godkännas medan en princip är bedömd som ”Att korrigera”. Rätta först:',
  'rules.principlesRefused': 'Beslutet togs inte emot: behandlingen kan inte godkännas medan dessa principer ska korrigeras:',
  'rules.motivationRule': 'Motiveringen ska säga varför beslutet avviker från rådet: minst {words} ord, varav minst {own} egna. Att upprepa beslutet eller rådet räcker inte.',
  'rules.motivation.too-short': 'Motiveringen är för kort: skriv minst {words} ord om varför beslutet avviker från rådet.',
  'rules.motivation.restates': 'Motiveringen upprepar bara beslutet eller rådet. Skriv med egna ord varför ni beslutar annorlunda (minst {own} egna ord).',
};
