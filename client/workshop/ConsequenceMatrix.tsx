import { createElement, type KeyboardEvent } from 'react';
import type { QuestionMatrixModel } from 'survey-core';
import { ReactQuestionFactory, SurveyQuestionElementBase, SurveyQuestionMatrix } from 'survey-react-ui';
import { nextFocus, type CellPosition } from './matrix-keys';

/**
 * A consequence matrix (a SurveyJS matrix whose cells carry descriptive texts) drawn as one block
 * per consequence area, its levels side by side where they fit and stacked where they do not, so
 * all of them are always on screen: SurveyJS's table made the room scroll sideways for levels 2–4.
 *
 * Each area is a radio group; the whole matrix is one tab stop (roving tabindex). Arrow keys move
 * between levels (wrapping, so "Ej relevant" is one step from 0) and between areas; Space or Enter
 * chooses and moves on to the next area, where the focus stays on the same level. The chosen level
 * carries a ✓ and a heavy border as well as its colour. In display mode nothing can be chosen.
 */
class ConsequenceMatrix extends SurveyQuestionElementBase {
  private focus: CellPosition | null = null;
  private focusPending = false;
  private readonly cells = new Map<string, HTMLElement>();

  private get matrix(): QuestionMatrixModel {
    return this.questionBase as QuestionMatrixModel;
  }

  /** Where the tab stop is: where the user left it, else the first area without an answer. */
  private tabStop(): CellPosition {
    if (this.focus) return this.focus;
    const rows = this.matrix.visibleRows;
    const columns = this.matrix.visibleColumns;
    const open = rows.findIndex((row) => !columns.some((column) => row.isChecked(column)));
    const row = open === -1 ? 0 : open;
    const checked = rows[row] ? columns.findIndex((column) => rows[row]!.isChecked(column)) : -1;
    return { row, column: Math.max(checked, 0) };
  }

  private choose(position: CellPosition): void {
    const row = this.matrix.visibleRows[position.row];
    const column = this.matrix.visibleColumns[position.column];
    if (!row || !column || this.matrix.isReadOnly) return;
    row.cellClick(column);
    this.setState({ chosen: `${row.name}:${String(column.value)}` });
  }

  private moveTo(position: CellPosition): void {
    this.focus = position;
    this.focusPending = true;
    this.setState({ focus: `${position.row}:${position.column}` });
  }

  private onKeyDown(event: KeyboardEvent<HTMLElement>, position: CellPosition): void {
    const rows = this.matrix.visibleRows;
    const chosenIn = (row: number) => this.matrix.visibleColumns.findIndex((column) => rows[row]?.isChecked(column) ?? false);
    const outcome = nextFocus(event.key, position, { rows: rows.length, columns: this.matrix.visibleColumns.length, chosenIn });
    if (!outcome) return;
    event.preventDefault();
    if (outcome.choose) this.choose(position);
    this.moveTo(outcome.to);
  }

  override componentDidUpdate(prevProps: unknown, prevState: unknown): void {
    super.componentDidUpdate(prevProps, prevState);
    if (!this.focusPending || !this.focus) return;
    this.focusPending = false;
    this.cells.get(`${this.focus.row}:${this.focus.column}`)?.focus();
  }

  protected override renderElement() {
    const matrix = this.matrix;
    const columns = matrix.visibleColumns;
    const stop = this.tabStop();
    const readOnly = matrix.isReadOnly;
    return (
      <div className="consequence-matrix" ref={(root) => this.setControl(root)} data-testid="consequence-matrix">
        {matrix.visibleRows.map((row, rowIndex) => {
          const labelId = `${matrix.id}-area-${rowIndex}`;
          return (
            <div key={row.name} role="radiogroup" aria-labelledby={labelId} aria-readonly={readOnly || undefined} className="consequence-area">
              <div id={labelId} className="consequence-area-name">{this.renderLocString(row.locText)}</div>
              <div className="consequence-levels">
                {columns.map((column, columnIndex) => {
                  const checked = row.isChecked(column);
                  const position = { row: rowIndex, column: columnIndex };
                  return (
                    <div
                      key={String(column.value)}
                      ref={(element) => {
                        if (element) this.cells.set(`${rowIndex}:${columnIndex}`, element);
                        else this.cells.delete(`${rowIndex}:${columnIndex}`);
                      }}
                      role="radio"
                      aria-checked={checked}
                      aria-disabled={readOnly || undefined}
                      tabIndex={stop.row === rowIndex && stop.column === columnIndex ? 0 : -1}
                      className={checked ? 'consequence-level is-chosen' : 'consequence-level'}
                      data-row={row.name}
                      data-column={String(column.value)}
                      onClick={() => {
                        this.choose(position);
                        this.focus = position;
                      }}
                      onKeyDown={(event) => this.onKeyDown(event, position)}
                    >
                      <span className="consequence-level-name">
                        <span className="consequence-mark" aria-hidden="true">{checked ? '✓' : ''}</span>
                        {this.renderLocString(column.locText)}
                      </span>
                      <span className="consequence-level-text">{this.renderLocString(matrix.getCellDisplayLocText(row.name, column))}</span>
                    </div>
                  );
                })}
              </div>
            </div>
          );
        })}
      </div>
    );
  }
}

/** Every matrix with cell texts renders as above; any other matrix keeps SurveyJS's own table. */
const render = (props: { question: QuestionMatrixModel }) => (props.question.hasCellText ? createElement(ConsequenceMatrix, props) : createElement(SurveyQuestionMatrix, props));

export function registerConsequenceMatrix(): void {
  // The factory calls a creator with the question's props (as SurveyJS's own registration does); its typings say a name.
  ReactQuestionFactory.Instance.registerQuestion('matrix', render as unknown as (name: string) => ReturnType<typeof render>);
}
