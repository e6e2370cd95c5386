'use client';

import { useId, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';

// Whole class names, so that Tailwind finds them.
const breakpoints = {
  md: { button: 'md:hidden', panel: 'max-md:hidden' },
  lg: { button: 'lg:hidden', panel: 'max-lg:hidden' },
} as const;

/**
 * A compact menu on small screens: a button (`aria-expanded`, `aria-controls`) that shows or hides the links the
 * server rendered; from `md` (or `lg`) up the links stand in line and the button is gone. Escape closes it and returns the
 * focus to the button; following a link inside closes it (the layout, and so this state, outlives the navigation).
 */
export function MenuDisclosure({
  label,
  children,
  buttonClassName,
  panelClassName,
  testId,
  from = 'md',
}: {
  /** The button's text: what it opens ("Menu", or the current section's name). */
  label: ReactNode;
  children: ReactNode;
  buttonClassName: string;
  /** Classes of the panel; `hidden` is added below the breakpoint while the menu is closed. */
  panelClassName: string;
  testId?: string;
  /** The breakpoint from which the links stand in line. */
  from?: 'md' | 'lg';
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      setOpen(false);
      button.current?.focus();
    }
  };
  const onClick = (e: MouseEvent) => {
    if ((e.target as HTMLElement).closest('a')) setOpen(false);
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={onKeyDown}
        className={`${breakpoints[from].button} ${buttonClassName}`}
        data-testid={testId ? `${testId}-button` : undefined}
      >
        {label}
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className={`size-4 shrink-0 ${open ? 'rotate-180' : ''}`}>
          <path d="M5.5 7.5 10 12l4.5-4.5" stroke="currentColor" strokeWidth="2" fill="none" />
        </svg>
      </button>
      {/* The panel only listens for Escape and link clicks bubbling from its own links and buttons. */}
      <div
        id={id}
        onKeyDown={onKeyDown}
        onClick={onClick}
        className={`${open ? '' : breakpoints[from].panel} ${panelClassName}`}
        data-testid={testId ? `${testId}-panel` : undefined}
      >
        {children}
      </div>
    </>
  );
}
