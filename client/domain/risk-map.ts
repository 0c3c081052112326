/** Where each DPIA risk sits on the severity × likelihood map, in its current and residual state. */

export interface MapRisk {
  id: string;
  title: string;
  current: { severity: number; likelihood: number } | null;
  residual: { severity: number; likelihood: number } | null;
}

function cellKey(marker: { severity: number; likelihood: number }): string {
  return `${marker.severity}:${marker.likelihood}`;
}

export type MarkerState = 'current' | 'residual';

export interface RiskMarker {
  riskId: string;
  /** 1-based number shown in the marker and in the legend, so the map never relies on colour. */
  number: number;
  title: string;
  state: MarkerState;
  severity: number;
  likelihood: number;
  /** Position among the markers that share the cell, so none hides another. */
  slot: number;
  slotsInCell: number;
}

/**
 * The markers of the risks in order: one for the current and one for the residual position of
 * each rated risk. Markers in one cell get consecutive slots (current before residual).
 */
export function placeRisks(risks: readonly MapRisk[], scaleSize = 4): RiskMarker[] {
  const markers: Omit<RiskMarker, 'slot' | 'slotsInCell'>[] = [];
  risks.forEach((risk, index) => {
    for (const state of ['current', 'residual'] as const) {
      const position = risk[state];
      if (!position) continue;
      const { severity, likelihood } = position;
      if (severity < 1 || severity > scaleSize || likelihood < 1 || likelihood > scaleSize) continue;
      markers.push({ riskId: risk.id, number: index + 1, title: risk.title, state, severity, likelihood });
    }
  });
  const counts = new Map<string, number>();
  for (const marker of markers) counts.set(cellKey(marker), (counts.get(cellKey(marker)) ?? 0) + 1);
  const used = new Map<string, number>();
  return markers.map((marker) => {
    const key = cellKey(marker);
    const slot = used.get(key) ?? 0;
    used.set(key, slot + 1);
    return { ...marker, slot, slotsInCell: counts.get(key)! };
  });
}

/** The centre of a marker inside its cell, as fractions of the cell (0–1), laid out in a grid. */
export function slotOffset(slot: number, slotsInCell: number): { x: number; y: number } {
  const columns = Math.ceil(Math.sqrt(slotsInCell));
  const rows = Math.ceil(slotsInCell / columns);
  const column = slot % columns;
  const row = Math.floor(slot / columns);
  return { x: (column + 0.5) / columns, y: (row + 0.5) / rows };
}
