import type { ReactNode } from 'react';

import { cx } from './cx';
import { CheckIcon } from './icons';

export type StepState = 'done' | 'current' | 'todo';
export type Step = { label: ReactNode; state: StepState };

/**
 * Progress through a multi-page form. Each step's state is spoken through a
 * hidden prefix ("Completed: …") and shown by shape (tick, filled, outlined), not colour alone.
 */
export function StepIndicator({
  steps,
  labels,
  ariaLabel,
  className,
}: {
  steps: readonly Step[];
  /** Hidden prefixes per state, e.g. { done: 'Completed', current: 'Current step', todo: 'Not started' }. */
  labels: Record<StepState, string>;
  /** Names the list, e.g. "Application steps". */
  ariaLabel?: string;
  className?: string;
}) {
  return (
    <ol aria-label={ariaLabel} className={cx('flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:gap-x-6', className)}>
      {steps.map((step, index) => (
        <li
          key={index}
          aria-current={step.state === 'current' ? 'step' : undefined}
          className={cx(
            'flex items-center gap-2',
            step.state === 'current' ? 'font-bold text-ink' : step.state === 'done' ? 'text-ink' : 'text-ink-muted',
          )}
        >
          <span
            aria-hidden="true"
            className={cx(
              'inline-flex size-8 shrink-0 items-center justify-center rounded-full border-2 text-sm font-bold',
              step.state === 'done' && 'border-success-700 bg-success-700 text-white',
              step.state === 'current' && 'border-brand-700 bg-brand-700 text-white ring-4 ring-brand-200',
              step.state === 'todo' && 'border-line-strong bg-surface text-ink-muted',
            )}
          >
            {step.state === 'done' ? <CheckIcon /> : index + 1}
          </span>
          <span>
            <span className="sr-only">{labels[step.state]}: </span>
            {step.label}
          </span>
        </li>
      ))}
    </ol>
  );
}
