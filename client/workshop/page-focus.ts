import type { AfterRenderPageEvent, Model } from 'survey-core';

/**
 * After a page change the focus goes to the new page's heading, so a keyboard or screen-reader
 * user starts at the top of what is now shown instead of on the "Nästa" button it left.
 */
export function focusPageHeading(model: Model): void {
  let changed = false;
  model.onCurrentPageChanged.add(() => {
    changed = true;
  });
  model.onAfterRenderPage.add((_sender: Model, options: AfterRenderPageEvent) => {
    if (!changed) return;
    changed = false;
    const heading = options.htmlElement.querySelector<HTMLElement>('.sd-page__title') ?? options.htmlElement;
    heading.tabIndex = -1;
    heading.focus();
  });
}
