import type { ActionPlanSummary } from '../../scoring/classification/action-plan';
import type { Classification, InformationSetResult } from '../../scoring/classification/classification-types';
import { classificationFlagNames, classificationFlagOrder } from '../../scoring/classification/flag-names';
import type { ProtocolData } from '../protocols/protocol-types';
import { approvalSection } from './approval-section';
import type { Content, DocumentDefinition } from './doc-types';
import { decisionFacts, decisionSummary } from './decision-summary';
import { appendix, dataTable, documentFrame, factTable, heading, isEmpty, label, subheading, swedishDate, text, verificationBlock } from './layout';
import { planSection } from './plan-section';
import { profileGraphic } from './profile-graphic';
import { templateSection } from './template-section';

type Answers = Record<string, unknown>;
type Row = Record<string, unknown>;

function rows(value: unknown): Row[] {
  return Array.isArray(value) ? value.filter((item): item is Row => typeof item === 'object' && item !== null) : [];
}

function objectSection(data: ProtocolData, answers: Answers): Content[] {
  const suppliers = rows(answers.leverantorer).map((row) => {
    const roles = [label(data, 'leverantorer.uppdrag', row.uppdrag), row.personuppgiftsbitrade === true ? 'personuppgiftsbiträde' : ''].filter((part) => !isEmpty(part));
    return `${text(row.namn)}${roles.length > 0 ? ` (${roles.join(', ')})` : ''}`;
  });
  const integrations = rows(answers.integrationer).map((row) => `${text(row.system)} – ${label(data, 'integrationer.riktning', row.riktning)}${row.beskrivning ? `: ${text(row.beskrivning)}` : ''}`);
  return [
    heading('1. Klassningsobjektet'),
    factTable([
      ['Namn', text(answers.objekt_namn ?? data.asset.name)],
      ['Typ', label(data, 'objekt_typ', answers.objekt_typ)],
      ['Beskrivning', text(answers.objekt_beskrivning ?? data.asset.description)],
      ['Förvaltning', text(answers.forvaltning ?? data.organisation.name)],
      ['Informationsägare', text(answers.informationsagare ?? data.asset.informationsagare)],
      ['Objektägare', text(answers.objektagare ?? data.asset.objektagare)],
      ['Objektledare', text(answers.objektledare)],
      ['Kontaktperson på IT', text(answers.it_kontakt)],
      ['Leverantörer', suppliers.join('\n')],
      ['Drift', label(data, 'drift', answers.drift)],
      ['Lagring', label(data, 'lagringsland', answers.lagringsland)],
      ['Support och förvaltning från', label(data, 'supportland', answers.supportland)],
      ['Integrationer', integrations.join('\n')],
    ]),
  ];
}

function sessionSection(data: ProtocolData, answers: Answers, classification: Classification): Content[] {
  const participants = rows(answers.deltagare).map((row) => [text(row.namn), label(data, 'roll', row.roll), text(row.funktion)]);
  return [
    heading('2. Klassningstillfället'),
    factTable([
      ['Datum', swedishDate(typeof answers.workshop_datum === 'string' ? answers.workshop_datum : null)],
      ['Workshopledare', text(answers.workshopledare)],
      ['Antecknare', text(answers.antecknare)],
      ['Klassningsmodell', `${data.modelTitle ?? 'Klassningsmodell'}, version ${classification.model.version}`],
      ['Skala', `${classification.scale.name}, version ${classification.scale.version}`],
      ['Frågeformulär', `${data.assessment.form.title}, version ${data.assessment.form.version}`],
      ['Omgång', String(data.assessment.round)],
    ]),
    subheading('Deltagare'),
    participants.length > 0 ? dataTable(['*', 'auto', '*'], ['Namn', 'Roll', 'Befattning eller enhet'], participants) : { text: 'Inga deltagare angivna.', style: 'note' },
  ];
}

function scopeSection(data: ProtocolData, answers: Answers): Content[] {
  const sets = rows(answers.informationsmangder).map((row, index) => [
    String(index + 1),
    { text: text(row.namn), bold: true },
    text(row.beskrivning),
    label(data, 'personuppgifter', row.personuppgifter),
  ]);
  return [
    heading('3. Avgränsning och informationsmängder'),
    { text: text(answers.avgransning), margin: [0, 0, 0, 6] },
    dataTable(['auto', '*', '*', '*'], ['Nr', 'Informationsmängd', 'Beskrivning', 'Personuppgifter'], sets),
  ];
}

function setTable(set: InformationSetResult): Content {
  return {
    unbreakable: true,
    stack: [
      subheading(`${set.index + 1}. ${set.name}`),
      dataTable(
        ['auto', 'auto', '*', '*'],
        ['Aspekt', 'Nivå', 'Avgörande konsekvensområde', 'Motivering'],
        set.aspects.map((aspect) => [
          aspect.aspectName,
          { text: aspect.level ? aspect.level.label : 'Ej bedömd', bold: true },
          aspect.specialAnalysis ? 'Synnerligen allvarlig (säkerhetsskydd)' : aspect.drivenBy.map((area) => area.name).join(', ') || '–',
          text(aspect.motivation),
        ]),
      ),
    ],
  };
}

/** The section heading travels with the first table, so it never ends a page alone. */
function resultSection(sets: InformationSetResult[]): Content[] {
  const [first, ...rest] = sets.map(setTable);
  const title = heading('4. Resultat per informationsmängd');
  return [first ? { unbreakable: true, stack: [title, first] } : title, ...rest];
}

function profileSection(answers: Answers, classification: Classification): Content[] {
  const { aspects } = classification.profile;
  const raises = aspects.filter((aspect) => aspect.raise?.applied);
  const flags = classificationFlagOrder.flatMap((key) => {
    const flag = classification.flags[key];
    return flag ? [[flag.value ? '☑' : '☐', `${classificationFlagNames[key]}: ${flag.value ? 'ja' : 'nej'}. ${flag.reason}`]] : [];
  });
  return [
    heading('5. Objektets profil'),
    { text: `Profil: ${classification.profile.text}`, fontSize: 14, bold: true, margin: [0, 0, 0, 4] },
    profileGraphic(aspects),
    {
      ul: aspects.map((aspect) => {
        const drivers = aspect.drivenBy.map((driver) => `${driver.informationSet}${driver.areas.length > 0 ? ` (${driver.areas.map((area) => area.name).join(', ')})` : ''}`).join('; ');
        return `${aspect.aspectName}: ${aspect.level ? aspect.level.label : 'ej bedömd'}${drivers ? ` – avgörs av ${drivers}` : ''}.`;
      }),
      margin: [0, 0, 0, 6],
    },
    subheading('Höjning för aggregation'),
    raises.length > 0
      ? dataTable(['auto', 'auto', 'auto', '*'], ['Aspekt', 'Beräknad', 'Höjd till', 'Motivering'], raises.map((aspect) => [aspect.aspectName, aspect.computed?.label ?? '–', aspect.raise!.to.label, text(aspect.raise!.motivation)]))
      : { text: 'Ingen aspekt har höjts för objektet som helhet.', style: 'note' },
    subheading('Härledda egenskaper'),
    { table: { widths: [14, '*'], body: flags }, layout: 'noBorders', margin: [0, 0, 0, 4] },
    answers.samhallsviktig === true ? { text: `Objektet stöder samhällsviktig verksamhet: ${text(answers.samhallsviktig_motivering)}` } : '',
  ];
}

function lawSection(data: ProtocolData, classification: Classification): Content[] {
  return [
    heading('6. Lagrum och personuppgifter'),
    classification.lagrum.length > 0 ? { ul: classification.lagrum.map((entry) => entry.name) } : { text: 'Inga lagrum markerade.', style: 'note' },
    ...((classification.otherLagrum ?? []).length > 0 ? [subheading('Annat lagrum som workshopen angett'), { ul: classification.otherLagrum ?? [] }] : []),
    ...(classification.suggestedLagrum.length > 0 ? [{ text: `Att pröva: ${classification.suggestedLagrum.map((entry) => `${entry.name} (${entry.reason})`).join('; ')}`, style: 'note', margin: [0, 4, 0, 0] }] : []),
    { text: `Personuppgifter: ${label(data, 'personuppgifter', classification.personalDataCategories)}`, margin: [0, 6, 0, 0] },
  ];
}

/** Page 1: the decision, the profile in words, the flags that hold by name, who decided and under what. */
/** A level-4 classification's särskild analys: only where it is kept, as the säkerhetsskyddschef recorded it. */
function specialAnalysisFact(data: ProtocolData): [string, string][] {
  const recorded = data.specialAnalysis;
  if (!recorded) return [];
  return [['Särskild analys (säkerhetsskydd)', `Förvaras: ${recorded.reference}. Registrerat av ${recorded.userName} (säkerhetsskyddschef) ${swedishDate(recorded.recordedAt)}.`]];
}

function summaryPage(data: ProtocolData, classification: Classification, actionPlan: ActionPlanSummary): Content[] {
  const flags = classificationFlagOrder.filter((key) => classification.flags[key]?.value).map((key) => classificationFlagNames[key]);
  const aspects = classification.profile.aspects.map((aspect) => `${aspect.aspectName}: ${aspect.level ? aspect.level.label : 'ej bedömd'}`);
  const plan = actionPlan.status === 'stopped' ? text(actionPlan.stoppedReason) : data.plan.length > 0 ? `${data.plan.length} krav och åtgärder, se bilaga 1` : 'Handlingsplanen är tom.';
  const organisation = `${data.organisation.name}${data.organisation.topName !== data.organisation.name ? `, ${data.organisation.topName}` : ''}`;
  return decisionSummary(
    'Protokoll – informationsklassning',
    data.asset.name,
    `Informationsklassningen av ${data.asset.name} är fastställd med profilen ${classification.profile.text}.`,
    [
      ['Objekt', `${data.asset.name} (${label(data, 'objekt_typ', data.assessment.answers.objekt_typ)})`],
      ['Organisation', organisation],
      ['Profil', `${classification.profile.text}\n${aspects.join('\n')}`],
      ['Härledda egenskaper', flags.length > 0 ? flags.join(', ') : 'Inga'],
      ['Handlingsplan', plan],
      ...specialAnalysisFact(data),
      ...decisionFacts(data),
    ],
    'Underlaget för beslutet – objektet, informationsmängderna, bedömningarna och beslutets steg – följer från sidan 2. Handlingsplanen finns i bilaga 1.',
  );
}

/** The classification protocol: the decision on page 1, then the parts the domain's protocol lists, the action plan as an appendix. */
export function classificationProtocol(data: ProtocolData, contentSha256: string): DocumentDefinition {
  const answers = data.assessment.answers;
  const result = data.assessment.result as { classification: Classification; actionPlan: ActionPlanSummary };
  const { classification, actionPlan } = result;
  return documentFrame(data, 'Informationsklassning', [
    ...summaryPage(data, classification, actionPlan),
    ...objectSection(data, answers),
    ...sessionSection(data, answers, classification),
    ...scopeSection(data, answers),
    ...resultSection(classification.informationSets),
    ...profileSection(answers, classification),
    ...templateSection(data.template),
    ...lawSection(data, classification),
    ...approvalSection(data, '7. Beslut'),
    heading('8. Omprövning'),
    { text: `Klassningen ska omprövas senast ${swedishDate(data.nextReviewAt)}, och dessförinnan när objektet förändras: ny integration, ny leverantör, nya slags uppgifter, en incident eller ändrad lagstiftning.` },
    ...appendix(planSection(data.plan, actionPlan.status === 'stopped' ? actionPlan.stoppedReason : null, 'Bilaga 1. Handlingsplan')),
    verificationBlock(data, contentSha256),
  ]);
}
