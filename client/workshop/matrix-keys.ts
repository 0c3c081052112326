export interface CellPosition {
  row: number;
  column: number;
}

interface Grid {
  rows: number;
  columns: number;
  /** The chosen column in a row, or -1. */
  chosenIn(row: number): number;
}

/**
 * The keyboard inside a consequence matrix: where the focus goes for a key, and whether the key
 * chooses the focused level first. Left and right wrap around the levels; up and down keep the
 * level; Space and Enter choose and move to the next area (to its chosen level if it has one).
 * Any other key (Tab among them) is left to the browser.
 */
export function nextFocus(key: string, at: CellPosition, grid: Grid): { to: CellPosition; choose: boolean } | null {
  const wrap = (column: number) => (column + grid.columns) % grid.columns;
  const inRow = (row: number) => {
    const chosen = grid.chosenIn(row);
    return { row, column: chosen >= 0 ? chosen : at.column };
  };
  switch (key) {
    case 'ArrowRight':
      return { to: { row: at.row, column: wrap(at.column + 1) }, choose: false };
    case 'ArrowLeft':
      return { to: { row: at.row, column: wrap(at.column - 1) }, choose: false };
    case 'ArrowDown':
      return { to: { row: Math.min(at.row + 1, grid.rows - 1), column: at.column }, choose: false };
    case 'ArrowUp':
      return { to: { row: Math.max(at.row - 1, 0), column: at.column }, choose: false };
    case ' ':
    case 'Enter':
      return { to: at.row + 1 < grid.rows ? inRow(at.row + 1) : at, choose: true };
    default:
      return null;
  }
}
