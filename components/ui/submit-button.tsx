'use client';

import type { MouseEvent, ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

import { type ButtonProps, buttonClasses } from './button';
import { cx } from './cx';
import { SpinnerIcon } from './icons';

export type SubmitButtonProps = Omit<ButtonProps, 'type' | 'children'> & {
  children: ReactNode;
  /** Shown (and announced) while the form's action runs, e.g. "Sending…". */
  pendingLabel: ReactNode;
};

/**
 * Submit button for a form with a React action. While pending it stays focusable
 * (aria-disabled, not disabled, so focus is not lost) but swallows clicks and
 * implicit Enter submits, which browsers deliver as a click on this button.
 */
export function SubmitButton({ children, pendingLabel, variant, size, fullWidth, className, onClick, ...rest }: SubmitButtonProps) {
  const { pending } = useFormStatus();

  function handleClick(event: MouseEvent<HTMLButtonElement>) {
    if (pending) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }

  return (
    <>
      <button
        type="submit"
        aria-disabled={pending || undefined}
        className={cx(buttonClasses(variant, size, { fullWidth }), className)}
        onClick={handleClick}
        {...rest}
      >
        {pending && <SpinnerIcon />}
        {pending ? pendingLabel : children}
      </button>
      <span className="sr-only" role="status">
        {pending ? pendingLabel : null}
      </span>
    </>
  );
}
