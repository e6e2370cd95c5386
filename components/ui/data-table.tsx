import type { ReactNode } from 'react';

import { cx } from './cx';
import { ScrollRegion } from './scroll-region';

export type Column<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Applied to both the header and the body cells of the column. */
  className?: string;
  /** Render this column's cells as <th scope="row"> (e.g. the application number). */
  rowHeader?: boolean;
};

export type DataTableProps<T> = {
  /** Names the table; also names the scroll region when it overflows. */
  caption: string;
  captionHidden?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Shown instead of the table when `rows` is empty. */
  emptyState: ReactNode;
  /** Keyset pagination: locale-prefixed hrefs computed by the page; omit at either end. */
  nextHref?: string;
  prevHref?: string;
  labels?: { next: string; prev: string; pagination: string };
  className?: string;
};

export function DataTable<T>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  emptyState,
  nextHref,
  prevHref,
  labels,
  className,
}: DataTableProps<T>) {
  return (
    <div className={cx('space-y-4', className)}>
      {rows.length === 0 ? (
        emptyState
      ) : (
        <ScrollRegion label={caption} className="rounded-lg border border-line bg-surface">
          <table className="w-full border-collapse text-left">
            <caption className={captionHidden ? 'sr-only' : 'px-4 pt-4 pb-2 text-left text-lg font-bold text-ink'}>{caption}</caption>
            <thead>
              <tr className="border-b-2 border-line-strong bg-canvas">
                {columns.map((column) => (
                  <th key={column.key} scope="col" className={cx('px-4 py-3 font-semibold text-ink', column.className)}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)} className="border-b border-line last:border-b-0 hover:bg-brand-50">
                  {columns.map((column) =>
                    column.rowHeader ? (
                      <th key={column.key} scope="row" className={cx('px-4 py-3 text-left font-semibold text-ink', column.className)}>
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td key={column.key} className={cx('px-4 py-3 align-top text-ink', column.className)}>
                        {column.cell(row)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {labels && (nextHref || prevHref) && (
        <nav aria-label={labels.pagination} className="flex flex-wrap justify-between gap-4">
          {prevHref ? (
            <a href={prevHref} rel="prev" className="inline-flex min-h-11 items-center gap-2 font-semibold">
              <span aria-hidden="true">←</span>
              {labels.prev}
            </a>
          ) : (
            <span />
          )}
          {nextHref && (
            <a href={nextHref} rel="next" className="inline-flex min-h-11 items-center gap-2 font-semibold">
              {labels.next}
              <span aria-hidden="true">→</span>
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
