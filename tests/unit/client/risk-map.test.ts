import { describe, expect, it } from 'vitest';
import { placeRisks, slotOffset } from '../../../client/domain/risk-map';

const risk = (id: string, current: [number, number] | null, residual: [number, number] | null) => ({
  id,
  title: id,
  current: current && { severity: current[0], likelihood: current[1] },
  residual: residual && { severity: residual[0], likelihood: residual[1] },
});

describe('risk map placement', () => {
  it('places each rated risk at its current and residual cell, numbered in order', () => {
    const markers = placeRisks([risk('atkomst', [3, 3], [3, 1]), risk('forlust', [2, 2], null)]);
    expect(markers.map(({ riskId, number, state, severity, likelihood }) => [riskId, number, state, severity, likelihood])).toEqual([
      ['atkomst', 1, 'current', 3, 3],
      ['atkomst', 1, 'residual', 3, 1],
      ['forlust', 2, 'current', 2, 2],
    ]);
  });

  it('gives markers that share a cell their own slots, so none hides another', () => {
    const markers = placeRisks([risk('a', [2, 2], [2, 2]), risk('b', [2, 2], null), risk('c', [4, 1], null)]);
    const shared = markers.filter((marker) => marker.severity === 2 && marker.likelihood === 2);
    expect(shared.map((marker) => [marker.slot, marker.slotsInCell])).toEqual([[0, 3], [1, 3], [2, 3]]);
    const offsets = shared.map((marker) => slotOffset(marker.slot, marker.slotsInCell));
    expect(new Set(offsets.map((offset) => `${offset.x},${offset.y}`)).size).toBe(3);
    for (const offset of offsets) {
      expect(offset.x).toBeGreaterThan(0);
      expect(offset.x).toBeLessThan(1);
      expect(offset.y).toBeGreaterThan(0);
      expect(offset.y).toBeLessThan(1);
    }
    expect(markers.find((marker) => marker.riskId === 'c')).toMatchObject({ slot: 0, slotsInCell: 1 });
  });

  it('leaves out unrated states and positions off the scale', () => {
    expect(placeRisks([risk('a', null, null), risk('b', [5, 1], [0, 2])])).toEqual([]);
  });

  it('centres a lone marker in its cell', () => {
    expect(slotOffset(0, 1)).toEqual({ x: 0.5, y: 0.5 });
  });
});
