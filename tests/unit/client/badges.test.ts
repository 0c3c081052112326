import { describe, expect, it } from 'vitest';
import { levelBadge, levelTone, profileBadges, profileText } from '../../../client/domain/levels';

describe('KRTS badges', () => {
  it('write code and number as text, so the colour is never the only carrier', () => {
    expect(profileBadges({ K: 1, R: 3, T: 2, S: 2 }).map((badge) => badge.short)).toEqual(['K1', 'R3', 'T2', 'S2']);
    expect(profileText({ K: 1, R: 3, T: 2, S: 2 })).toBe('K1 R3 T2 S2');
  });

  it('keep "ej bedömd" (null) apart from level 0', () => {
    expect(levelBadge('K', null)).toEqual({ aspect: 'K', level: null, short: 'K–', tone: 'none' });
    expect(levelBadge('K', 0)).toEqual({ aspect: 'K', level: 0, short: 'K0', tone: 'low' });
    expect(profileText(null)).toBe('K– R– T– S–');
    expect(profileText({ K: 2, R: null, T: 0, S: 4 })).toBe('K2 R– T0 S4');
  });

  it('rise in tone with the level', () => {
    expect([null, 0, 1, 2, 3, 4].map(levelTone)).toEqual(['none', 'low', 'low', 'medium', 'high', 'critical']);
  });
});
