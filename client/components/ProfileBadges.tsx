import type { AspectCode, Profile } from '../contract/api-types';
import { type LevelBadge, levelBadge, profileBadges } from '../domain/levels';
import { useLanguage } from '../i18n/LanguageProvider';

/** One aspect level: code and number as text, the tone as colour, and the full name for screen readers and tooltips. */
export function LevelBadgeView({ badge }: { badge: LevelBadge }) {
  const { t } = useLanguage();
  const name = badge.level === null ? t('levelNotAssessed') : t(`level.${badge.level}` as 'level.0');
  const full = `${t(`aspect.${badge.aspect}`)}: ${badge.level === null ? '' : `${badge.level} `}${name}`;
  return (
    <span className={`badge level level-${badge.tone}`} title={full}>
      <span aria-hidden="true">{badge.short}</span>
      <span className="visually-hidden">{full}</span>
    </span>
  );
}

export function ProfileBadges({ profile }: { profile: Profile | null }) {
  return (
    <span className="badges">
      {profileBadges(profile).map((badge) => (
        <LevelBadgeView key={badge.aspect} badge={badge} />
      ))}
    </span>
  );
}

export function AspectLevel({ aspect, level }: { aspect: AspectCode; level: number | null }) {
  return <LevelBadgeView badge={levelBadge(aspect, level)} />;
}
