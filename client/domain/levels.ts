import type { AspectCode, Profile } from '../contract/api-types';

export const aspectCodes: readonly AspectCode[] = ['K', 'R', 'T', 'S'];

/** A tone is a colour band in CSS; a badge always shows the code and the number as text too. */
export type LevelTone = 'none' | 'low' | 'medium' | 'high' | 'critical';

export interface LevelBadge {
  aspect: AspectCode;
  level: number | null;
  /** "K2", or "K–" when the aspect is not assessed (null is "ej bedömd", never 0). */
  short: string;
  tone: LevelTone;
}

export function levelTone(level: number | null): LevelTone {
  if (level === null) return 'none';
  if (level <= 1) return 'low';
  if (level === 2) return 'medium';
  return level === 3 ? 'high' : 'critical';
}

export function levelBadge(aspect: AspectCode, level: number | null): LevelBadge {
  return { aspect, level, short: `${aspect}${level === null ? '–' : level}`, tone: levelTone(level) };
}

/** The four badges of a profile, in K R T S order; an unclassified asset gets four "ej bedömd". */
export function profileBadges(profile: Profile | null): LevelBadge[] {
  return aspectCodes.map((aspect) => levelBadge(aspect, profile?.[aspect] ?? null));
}

/** The profile as the protocol writes it: "K2 R3 T2 S3". */
export function profileText(profile: Profile | null): string {
  return profileBadges(profile).map((badge) => badge.short).join(' ');
}
