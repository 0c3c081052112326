import { describe, expect, it } from 'vitest';
import { nextFocus } from '../../../client/workshop/matrix-keys';

/** A 7-area, 5-level consequence matrix where area 2 already has level 3 chosen. */
const grid = { rows: 7, columns: 5, chosenIn: (row: number) => (row === 2 ? 3 : -1) };

describe('the keyboard inside a consequence matrix', () => {
  it.each([
    ['ArrowRight', { row: 0, column: 0 }, { row: 0, column: 1 }, false],
    ['ArrowRight', { row: 0, column: 4 }, { row: 0, column: 0 }, false],
    ['ArrowLeft', { row: 0, column: 0 }, { row: 0, column: 4 }, false],
    ['ArrowDown', { row: 0, column: 2 }, { row: 1, column: 2 }, false],
    ['ArrowDown', { row: 6, column: 2 }, { row: 6, column: 2 }, false],
    ['ArrowUp', { row: 0, column: 2 }, { row: 0, column: 2 }, false],
    [' ', { row: 0, column: 1 }, { row: 1, column: 1 }, true],
    // The next area already has an answer: the focus goes to it.
    [' ', { row: 1, column: 1 }, { row: 2, column: 3 }, true],
    ['Enter', { row: 6, column: 0 }, { row: 6, column: 0 }, true],
  ] as const)('%s from %o goes to %o (choosing: %s)', (key, at, to, choose) => {
    expect(nextFocus(key, at, grid)).toEqual({ to, choose });
  });

  it('leaves Tab and every other key to the browser', () => {
    for (const key of ['Tab', 'Escape', 'a', 'Home']) expect(nextFocus(key, { row: 0, column: 0 }, grid)).toBeNull();
  });
});
