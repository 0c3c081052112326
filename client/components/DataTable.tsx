import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

interface DataTableProps {
  /** The column headings, in order; each body cell is labelled with its column's heading. */
  columns: readonly ReactNode[];
  caption?: ReactNode;
  /** Extra classes for the table (e.g. plan-table, compact). */
  className?: string;
  testId?: string;
  /** The body rows (<tr>s with a <th scope="row"> first where a row has a name). */
  children: ReactNode;
}

/**
 * The one table of the app (inventory, plan, dashboard, import, templates). Where its columns do
 * not fit the width it has, it turns into stacked cards, one per row, each value under its
 * column's heading, down to a phone, instead of scrolling sideways. The table's natural width is
 * measured while it is a table, so it turns back once there is room again.
 */
export function DataTable({ columns, caption, className, testId, children }: DataTableProps) {
  const wrapper = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const naturalWidth = useRef(0);
  const [stacked, setStacked] = useState(false);

  // Each cell carries its column's heading, which the card layout shows before the value.
  useLayoutEffect(() => {
    const element = table.current;
    if (!element) return;
    const headings = [...element.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
    for (const row of element.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, index) => (cell as HTMLElement).setAttribute('data-label', headings[index] ?? ''));
    }
  });

  useLayoutEffect(() => {
    const outer = wrapper.current;
    const inner = table.current;
    if (!outer || !inner) return undefined;
    const measure = () => {
      if (!inner.classList.contains('stacked')) naturalWidth.current = inner.scrollWidth;
      setStacked(naturalWidth.current > outer.clientWidth + 1);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(outer);
    return () => observer.disconnect();
  }, []);

  const classes = ['data-table', className, stacked ? 'stacked' : ''].filter(Boolean).join(' ');
  return (
    <div className="table-fit" ref={wrapper} data-table-layout={stacked ? 'cards' : 'table'}>
      <table className={classes} data-testid={testId} ref={table}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) => <th key={index} scope="col">{column}</th>)}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
