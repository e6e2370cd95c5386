import type { ReactNode } from 'react';

import { cx } from './cx';
import { type Tone, toneIcons } from './icons';

export type TimelineItem = {
  id: string;
  /** Already formatted for the locale, e.g. "12 наурыз 2026, 14:05". */
  at: string;
  /** Machine-readable form of `at` (ISO 8601) for the <time> element. */
  dateTime?: string;
  title: ReactNode;
  description?: ReactNode;
  /** Marker colour and shape only; the title must say what happened. */
  tone?: Tone;
};

const markerClasses: Record<Tone, string> = {
  neutral: 'text-ink-muted',
  info: 'text-brand-700',
  success: 'text-success-700',
  warning: 'text-warning-800',
  danger: 'text-danger-700',
  progress: 'text-progress-700',
};

/** History of an application, oldest or newest first as the page orders it. */
export function Timeline({ items, ariaLabel, className }: { items: readonly TimelineItem[]; ariaLabel?: string; className?: string }) {
  return (
    <ol aria-label={ariaLabel} className={cx('relative', className)}>
      {items.map((item, index) => {
        const tone = item.tone ?? 'neutral';
        const Icon = toneIcons[tone];
        const last = index === items.length - 1;
        return (
          <li key={item.id} className="relative flex gap-4 pb-6 last:pb-0">
            {!last && <span aria-hidden="true" className="absolute top-7 bottom-0 left-3 w-0.5 bg-line" />}
            <span
              aria-hidden="true"
              className={cx(
                'relative mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-surface',
                markerClasses[tone],
              )}
            >
              <Icon className="size-6" />
            </span>
            <div className="min-w-0">
              {item.dateTime ? (
                <time dateTime={item.dateTime} className="block text-sm text-ink-muted">
                  {item.at}
                </time>
              ) : (
                <span className="block text-sm text-ink-muted">{item.at}</span>
              )}
              <p className="font-semibold text-ink">{item.title}</p>
              {item.description && <div className="mt-1 text-ink">{item.description}</div>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
