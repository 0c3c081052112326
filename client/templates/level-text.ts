/** "K2", or "K ej bedömd": a level as the floor tables write it. */
export function levelText(aspect: string, level: number | null, notAssessed: string): string {
  return level === null ? `${aspect} ${notAssessed}` : `${aspect}${level}`;
}
