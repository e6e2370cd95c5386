import type { ReactNode } from 'react';

import { cx } from './cx';
import { type Tone, toneIcons } from './icons';

export type { Tone as StatusTone } from './icons';

// Dark text on a light tint: every pair is ≥ 5.5:1. The icon shape carries the tone too.
export const toneClasses: Record<Tone, string> = {
  neutral: 'border-line-strong bg-canvas text-ink',
  info: 'border-brand-700 bg-brand-50 text-brand-800',
  success: 'border-success-700 bg-success-50 text-success-800',
  warning: 'border-warning-800 bg-warning-50 text-warning-800',
  danger: 'border-danger-700 bg-danger-50 text-danger-800',
  progress: 'border-progress-700 bg-progress-50 text-progress-700',
};

export function StatusBadge({ tone = 'neutral', children, className }: { tone?: Tone; children: ReactNode; className?: string }) {
  const Icon = toneIcons[tone];
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap',
        toneClasses[tone],
        className,
      )}
    >
      <Icon />
      {children}
    </span>
  );
}
