'use client';

import { type ReactNode, useEffect, useRef, useState } from 'react';

import { cx } from './cx';

/**
 * Horizontal scroller for wide content. Keyboard users need a tab stop to scroll
 * it, but only when it actually overflows: it starts focusable (right without JS)
 * and drops the tab stop once measured as fitting.
 */
export function ScrollRegion({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(true);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={ref}
      role={overflows ? 'region' : undefined}
      aria-label={overflows ? label : undefined}
      tabIndex={overflows ? 0 : undefined}
      className={cx('relative overflow-x-auto', className)}
    >
      {children}
    </div>
  );
}
