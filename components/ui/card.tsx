import type { ReactNode } from 'react';

import { cx } from './cx';

export function Card({
  title,
  titleAs: Title = 'h2',
  actions,
  footer,
  children,
  className,
}: {
  title?: ReactNode;
  titleAs?: 'h2' | 'h3' | 'p';
  /** Top-right, e.g. an "Edit" link. */
  actions?: ReactNode;
  footer?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cx('rounded-lg border border-line bg-surface p-5 shadow-sm sm:p-6', className)}>
      {(title || actions) && (
        <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
          {title && <Title className="text-xl font-bold text-ink">{title}</Title>}
          {actions && <div className="flex flex-wrap gap-3">{actions}</div>}
        </div>
      )}
      {children}
      {footer && <div className="mt-5 border-t border-line pt-4">{footer}</div>}
    </div>
  );
}

/** The page's one h1, with the section name above it and actions beside it. */
export function PageHeader({
  title,
  lead,
  eyebrow,
  actions,
  className,
}: {
  title: ReactNode;
  lead?: ReactNode;
  /** Small text above the title: the service name, or breadcrumb-style context. */
  eyebrow?: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cx('mb-8 flex flex-wrap items-end justify-between gap-4', className)}>
      <div className="max-w-3xl">
        {eyebrow && <div className="mb-1 font-semibold text-ink-muted">{eyebrow}</div>}
        <h1 className="text-3xl font-bold tracking-tight text-ink sm:text-4xl">{title}</h1>
        {lead && <div className="mt-3 text-lg text-ink-muted">{lead}</div>}
      </div>
      {actions && <div className="flex flex-wrap gap-3">{actions}</div>}
    </div>
  );
}

export type DescriptionItem = { term: ReactNode; value: ReactNode; key?: string };

/** Label/value pairs such as an application summary; stacks on narrow screens. */
export function DescriptionList({ items, className }: { items: readonly DescriptionItem[]; className?: string }) {
  return (
    <dl className={cx('divide-y divide-line', className)}>
      {items.map((item, index) => (
        <div key={item.key ?? index} className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
          <dt className="font-semibold text-ink">{item.term}</dt>
          <dd className="text-ink sm:col-span-2">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
