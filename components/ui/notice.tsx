import type { ReactNode } from 'react';

import { cx } from './cx';
import { ErrorIcon, InfoIcon, SuccessIcon, WarningIcon } from './icons';

export type NoticeTone = 'info' | 'warning' | 'error' | 'success';

const tones: Record<NoticeTone, { box: string; icon: string; Icon: typeof InfoIcon }> = {
  info: { box: 'border-brand-700 bg-brand-50', icon: 'text-brand-700', Icon: InfoIcon },
  warning: { box: 'border-warning-400 bg-warning-50', icon: 'text-warning-800', Icon: WarningIcon },
  error: { box: 'border-danger-700 bg-danger-50', icon: 'text-danger-700', Icon: ErrorIcon },
  success: { box: 'border-success-700 bg-success-50', icon: 'text-success-700', Icon: SuccessIcon },
};

/**
 * A message box. Errors use role="alert" (interrupting); the rest role="status".
 * Live roles only announce content inserted after load, so render it conditionally
 * (e.g. when an action result arrives) rather than toggling its visibility.
 */
export function Notice({
  tone = 'info',
  title,
  titleAs: Title = 'h2',
  children,
  className,
  id,
}: {
  tone?: NoticeTone;
  title?: ReactNode;
  titleAs?: 'h2' | 'h3' | 'p';
  children?: ReactNode;
  className?: string;
  id?: string;
}) {
  const { box, icon, Icon } = tones[tone];
  return (
    <div
      id={id}
      role={tone === 'error' ? 'alert' : 'status'}
      className={cx('flex gap-3 rounded-md border-l-8 p-4 text-ink', box, className)}
    >
      <Icon className={cx('mt-0.5 size-6', icon)} />
      <div className="min-w-0 space-y-1">
        {title && <Title className="text-lg font-bold">{title}</Title>}
        {children && <div>{children}</div>}
      </div>
    </div>
  );
}
