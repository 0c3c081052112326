import type { AfterRenderQuestionEvent, Model, QuestionMatrixModel } from 'survey-core';

const cellSelector = 'td.sd-matrix__text';
const checkedClass = 'sd-matrix__text--checked';

function sync(cell: HTMLElement): void {
  cell.setAttribute('aria-checked', String(cell.classList.contains(checkedClass)));
}

/**
 * SurveyJS renders a matrix whose cells carry descriptive texts (our consequence matrices) as
 * plain <td>s with a click handler: a keyboard or screen-reader user cannot choose a level
 * (WCAG 2.1.1, 4.1.2). This makes each such cell a focusable radio with a name that says row,
 * level and text, operated with Enter or Space, and keeps aria-checked in step with SurveyJS.
 */
export function enhanceMatrixCells(model: Model): void {
  model.onAfterRenderQuestion.add((_sender: Model, options: AfterRenderQuestionEvent) => {
    const question = options.question as QuestionMatrixModel;
    if (question.getType() !== 'matrix' || !question.hasCellText) return;
    const root = options.htmlElement;
    const rows = question.visibleRows;
    const columns = question.visibleColumns;
    root.querySelectorAll('tbody tr').forEach((tr, rowIndex) => {
      const row = rows[rowIndex];
      tr.querySelectorAll<HTMLElement>(cellSelector).forEach((cell, columnIndex) => {
        const column = columns[columnIndex];
        if (!row || !column || cell.dataset['sigillCell']) return;
        cell.dataset['sigillCell'] = '1';
        cell.tabIndex = 0;
        cell.setAttribute('role', 'radio');
        cell.setAttribute('aria-label', `${row.locText.renderedHtml}: ${column.locText.renderedHtml}. ${cell.textContent ?? ''}`);
        cell.dataset['row'] = String(row.name);
        cell.dataset['column'] = String(column.value);
        sync(cell);
        cell.addEventListener('keydown', (event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          cell.click();
        });
        new MutationObserver(() => sync(cell)).observe(cell, { attributes: true, attributeFilter: ['class'] });
      });
    });
  });
}
