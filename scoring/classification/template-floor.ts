import type { Classification } from './classification-types';

/**
 * The floor rule of a normative (central) classification: the template's levels are a minimum.
 * A local level above the template's is a raise and free; one below is a lowering, refused where
 * the template forbids it and otherwise valid only with a motivation and the approval the template
 * demands. Pure: the server passes in the motivations and approvals it has stored.
 */

export type LoweringPolicy = 'never' | 'with_approval';

/** Levels per aspect code; null is "ej bedömd". */
export type AspectLevels = Record<string, number | null>;

export interface LevelSnapshot {
  profile: AspectLevels;
  informationSets: { name: string; levels: AspectLevels }[];
}

export type Deviation = 'same' | 'raise' | 'lowering';
/** What still stands between a lowering and a fastställd classification. */
export type FloorStatus = 'ok' | 'forbidden' | 'needs_motivation' | 'needs_approval';

export interface AspectFloor {
  aspect: string;
  templateLevel: number | null;
  localLevel: number | null;
  deviation: Deviation;
  motivation: string | null;
  /** A lowering approved for exactly this local level. */
  approved: boolean;
  status: FloorStatus;
}

export interface SetComparison {
  name: string;
  inTemplate: boolean;
  inLocal: boolean;
  aspects: { aspect: string; templateLevel: number | null; localLevel: number | null; deviation: Deviation }[];
}

export interface FloorReport {
  aspects: AspectFloor[];
  informationSets: SetComparison[];
  /** Aspects whose lowering the template forbids: no save may store them. */
  forbidden: string[];
  /** Lowerings without a motivation: not ready for review. */
  unmotivated: string[];
  /** Lowerings without the approval the template demands: cannot be fastställd. */
  unapproved: string[];
}

/** The levels a classification reached, as the floor rule compares them. */
function levelsOf(aspects: readonly { aspect: string; level: { level: number } | null }[]): AspectLevels {
  return Object.fromEntries(aspects.map((aspect) => [aspect.aspect, aspect.level?.level ?? null]));
}

export function levelSnapshot(classification: Pick<Classification, 'profile' | 'informationSets'>): LevelSnapshot {
  return {
    profile: levelsOf(classification.profile.aspects),
    informationSets: classification.informationSets.map((set) => ({ name: set.name, levels: levelsOf(set.aspects) })),
  };
}

/** "Ej bedömd" locally against an assessed template level counts as a lowering: the floor is not met. */
export function deviationOf(templateLevel: number | null, localLevel: number | null): Deviation {
  if (templateLevel === localLevel) return 'same';
  if (templateLevel === null) return 'raise';
  if (localLevel === null || localLevel < templateLevel) return 'lowering';
  return 'raise';
}

export interface FloorInput {
  template: LevelSnapshot;
  local: LevelSnapshot;
  policy: LoweringPolicy;
  motivations: Readonly<Record<string, string>>;
  /** The local level each aspect's lowering was approved for. */
  approvedLevels: Readonly<Record<string, number | null>>;
}

export function compareWithTemplate({ template, local, policy, motivations, approvedLevels }: FloorInput): FloorReport {
  const codes = [...new Set([...Object.keys(template.profile), ...Object.keys(local.profile)])];
  const aspects = codes.map((aspect): AspectFloor => {
    const templateLevel = template.profile[aspect] ?? null;
    const localLevel = local.profile[aspect] ?? null;
    const deviation = deviationOf(templateLevel, localLevel);
    const motivation = motivations[aspect]?.trim() || null;
    const approved = deviation === 'lowering' && aspect in approvedLevels && approvedLevels[aspect] === localLevel;
    let status: FloorStatus = 'ok';
    if (deviation === 'lowering') status = policy === 'never' ? 'forbidden' : !motivation ? 'needs_motivation' : approved ? 'ok' : 'needs_approval';
    return { aspect, templateLevel, localLevel, deviation, motivation, approved, status };
  });
  const names = [...new Set([...template.informationSets.map((set) => set.name), ...local.informationSets.map((set) => set.name)])];
  const informationSets = names.map((name): SetComparison => {
    const inTemplate = template.informationSets.find((set) => set.name === name);
    const inLocal = local.informationSets.find((set) => set.name === name);
    return {
      name,
      inTemplate: inTemplate !== undefined,
      inLocal: inLocal !== undefined,
      aspects: codes.map((aspect) => {
        const templateLevel = inTemplate?.levels[aspect] ?? null;
        const localLevel = inLocal?.levels[aspect] ?? null;
        return { aspect, templateLevel, localLevel, deviation: deviationOf(templateLevel, localLevel) };
      }),
    };
  });
  const lowered = aspects.filter((aspect) => aspect.deviation === 'lowering');
  return {
    aspects,
    informationSets,
    forbidden: lowered.filter((aspect) => aspect.status === 'forbidden').map((aspect) => aspect.aspect),
    unmotivated: lowered.filter((aspect) => aspect.status === 'needs_motivation').map((aspect) => aspect.aspect),
    unapproved: lowered.filter((aspect) => aspect.status === 'needs_motivation' || aspect.status === 'needs_approval').map((aspect) => aspect.aspect),
  };
}
