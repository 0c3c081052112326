import { hostingKinds } from '../../scoring/enumerations';
import { type AssetPatch, assetPatchSchema } from './asset-schemas';

/**
 * The asset record and the object page of the classification questionnaire hold the same facts
 * (forms/informationsklassning/v1.json, page "objekt"). This file maps between the two by question
 * name, so what was registered is never typed again and what the protocol fastställde updates the record.
 */

/** What the record holds of the object page (the objektledare as the person's name). */
export interface AssetFacts {
  name: string;
  type: string;
  description: string;
  informationsagare: string;
  objektagare: string;
  objektledareName: string | null;
  organisationName: string;
  suppliers: string[];
  hosting: string | null;
}

type HostingKind = (typeof hostingKinds)[number];

/** The record's hosting kinds and the questionnaire's drift choices (the form uses hyphens). */
const driftByHosting: Record<HostingKind, string> = { egen_drift: 'egen-drift', kommunens_it: 'kommunens-it', molntjanst: 'molntjanst' };

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The object page's answers the record can give, by question name; empty facts give no answer. */
export function objectAnswersFromAsset(facts: AssetFacts): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const text: [string, string | null][] = [
    ['objekt_namn', facts.name],
    ['objekt_typ', facts.type],
    ['objekt_beskrivning', facts.description],
    ['forvaltning', facts.organisationName],
    ['informationsagare', facts.informationsagare],
    ['objektagare', facts.objektagare],
    ['objektledare', facts.objektledareName],
  ];
  for (const [question, value] of text) if (nonEmpty(value)) answers[question] = value;
  if (facts.suppliers.length > 0) answers['leverantorer'] = facts.suppliers.map((namn) => ({ namn }));
  if (facts.hosting && facts.hosting in driftByHosting) answers['drift'] = driftByHosting[facts.hosting as HostingKind];
  return answers;
}

function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * The answers a new round starts with: what it carries over (an earlier round, a template) stays,
 * and each question it leaves open is filled from the asset record.
 */
export function fillFromAsset(answers: Record<string, unknown>, facts: AssetFacts): Record<string, unknown> {
  const filled = { ...answers };
  for (const [question, value] of Object.entries(objectAnswersFromAsset(facts))) if (!isAnswered(filled[question])) filled[question] = value;
  return filled;
}

function answeredText(answers: Record<string, unknown>, question: string): string | undefined {
  const value = answers[question];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function supplierNames(answers: Record<string, unknown>): string[] | undefined {
  const rows = answers['leverantorer'];
  if (!Array.isArray(rows)) return undefined;
  return rows.map((row: unknown) => (typeof row === 'object' && row !== null ? (row as Record<string, unknown>)['namn'] : undefined)).filter(nonEmpty).map((name) => name.trim());
}

function hostingOf(answers: Record<string, unknown>): HostingKind | undefined {
  const drift = answers['drift'];
  return (Object.keys(driftByHosting) as HostingKind[]).find((kind) => driftByHosting[kind] === drift);
}

/**
 * Where a fastställd protocol's object page differs from the record: the patch that makes the
 * record follow the protocol (only valid values; an unanswered question changes nothing), and
 * for each changed field the value before and after, for the asset's history.
 */
export function assetPatchFromProtocol(answers: Record<string, unknown>, facts: AssetFacts): { patch: AssetPatch; changes: Record<string, { from: unknown; to: unknown }> } {
  const proposed: Record<string, unknown> = {
    name: answeredText(answers, 'objekt_namn'),
    type: answeredText(answers, 'objekt_typ'),
    description: answeredText(answers, 'objekt_beskrivning'),
    informationsagare: answeredText(answers, 'informationsagare'),
    objektagare: answeredText(answers, 'objektagare'),
    suppliers: supplierNames(answers),
    hosting: hostingOf(answers),
  };
  const current: Record<string, unknown> = { ...facts };
  const patch: Record<string, unknown> = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(proposed)) {
    if (value === undefined || JSON.stringify(value) === JSON.stringify(current[field])) continue;
    // Each value passes the same schema as an edit by hand, or is left as the record has it.
    if (!assetPatchSchema.safeParse({ [field]: value }).success) continue;
    patch[field] = value;
    changes[field] = { from: current[field], to: value };
  }
  return { patch: patch as AssetPatch, changes };
}
