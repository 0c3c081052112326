import type { LevelSnapshot, LoweringPolicy } from '../../scoring/classification/template-floor';
import type { FulfilledRequirement } from './template-store';

/** What changed between two versions of a template, as the local owner must review it. Pure. */
export interface TemplateDiff {
  fromVersion: number;
  toVersion: number;
  levels: { aspect: string; from: number | null; to: number | null }[];
  informationSets: { added: string[]; removed: string[]; changed: { name: string; levels: { aspect: string; from: number | null; to: number | null }[] }[] };
  fulfilled: { added: FulfilledRequirement[]; removed: FulfilledRequirement[]; changed: { requirementId: string; title: string; fromHur: string; toHur: string }[] };
  loweringPolicy: { from: LoweringPolicy; to: LoweringPolicy } | null;
}

interface VersionContent {
  version: number;
  levels: LevelSnapshot;
  fulfilled: FulfilledRequirement[];
  loweringPolicy: LoweringPolicy;
}

function levelChanges(from: Record<string, number | null>, to: Record<string, number | null>) {
  const aspects = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return aspects.filter((aspect) => (from[aspect] ?? null) !== (to[aspect] ?? null)).map((aspect) => ({ aspect, from: from[aspect] ?? null, to: to[aspect] ?? null }));
}

export function diffTemplateVersions(from: VersionContent, to: VersionContent): TemplateDiff {
  const fromSets = new Map(from.levels.informationSets.map((set) => [set.name, set.levels]));
  const toSets = new Map(to.levels.informationSets.map((set) => [set.name, set.levels]));
  const fromFulfilled = new Map(from.fulfilled.map((entry) => [entry.requirementId, entry]));
  const toFulfilled = new Map(to.fulfilled.map((entry) => [entry.requirementId, entry]));
  return {
    fromVersion: from.version,
    toVersion: to.version,
    levels: levelChanges(from.levels.profile, to.levels.profile),
    informationSets: {
      added: [...toSets.keys()].filter((name) => !fromSets.has(name)),
      removed: [...fromSets.keys()].filter((name) => !toSets.has(name)),
      changed: [...toSets.entries()]
        .filter(([name]) => fromSets.has(name))
        .map(([name, levels]) => ({ name, levels: levelChanges(fromSets.get(name)!, levels) }))
        .filter((entry) => entry.levels.length > 0),
    },
    fulfilled: {
      added: to.fulfilled.filter((entry) => !fromFulfilled.has(entry.requirementId)),
      removed: from.fulfilled.filter((entry) => !toFulfilled.has(entry.requirementId)),
      changed: to.fulfilled
        .filter((entry) => fromFulfilled.has(entry.requirementId) && fromFulfilled.get(entry.requirementId)!.hur !== entry.hur)
        .map((entry) => ({ requirementId: entry.requirementId, title: entry.title, fromHur: fromFulfilled.get(entry.requirementId)!.hur, toHur: entry.hur })),
    },
    loweringPolicy: from.loweringPolicy === to.loweringPolicy ? null : { from: from.loweringPolicy, to: to.loweringPolicy },
  };
}
