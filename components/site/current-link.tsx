'use client';

import type { ReactNode } from 'react';
import { Link, usePathname } from '@/i18n/navigation';
import { currentLink } from '@/lib/site/current-link';

/** A menu link that says when it is the page shown (`aria-current="page"`), judged among its menu's links. */
export function CurrentLink({
  href,
  among,
  className,
  currentClassName = '',
  children,
  testId,
}: {
  href: string;
  /** Every link of the same menu, so that only the best match is current. */
  among: readonly string[];
  className: string;
  currentClassName?: string;
  children: ReactNode;
  testId?: string;
}) {
  const current = currentLink(usePathname(), among) === href;
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={`${className} ${current ? currentClassName : ''}`}
      data-testid={testId}
    >
      {children}
    </Link>
  );
}
