import type { ReactNode } from 'react';

/**
 * First focusable thing on the page. The target (`<main id="main" tabIndex={-1}>`)
 * needs tabIndex -1 so every browser moves focus, not just the scroll position.
 */
export function SkipLink({ href = '#main', children }: { href?: string; children: ReactNode }) {
  return (
    <a
      href={href}
      className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:inline-block focus:bg-focus focus:px-4 focus:py-3 focus:font-semibold focus:text-ink"
    >
      {children}
    </a>
  );
}
