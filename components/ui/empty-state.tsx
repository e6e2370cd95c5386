import type { ReactNode } from 'react';

import { cx } from './cx';

/** What a list shows when it has nothing yet, with the next thing to do. */
export function EmptyState({
  title,
  titleAs: Title = 'h2',
  description,
  action,
  className,
}: {
  title: ReactNode;
  titleAs?: 'h2' | 'h3' | 'p';
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cx('rounded-md border-2 border-dashed border-line bg-surface px-6 py-10 text-center', className)}>
      <Title className="text-lg font-bold text-ink">{title}</Title>
      {description && <div className="mx-auto mt-2 max-w-prose text-ink-muted">{description}</div>}
      {action && <div className="mt-5 flex justify-center">{action}</div>}
    </div>
  );
}
