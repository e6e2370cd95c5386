import { getTranslations } from 'next-intl/server';
import { toneIcons } from '@/components/ui/icons';
import { toneClasses } from '@/components/ui/status-badge';
import { cx } from '@/components/ui/cx';
import { type StatusViewer, statusWords } from '@/lib/applications/status-words';

/**
 * An application's status in words for its reader (lib/applications/status-words.ts): "Action needed: …" or who
 * acts now. Styled as a status badge, but it wraps: a phrase is longer than a state name and must fit 390 px.
 */
export async function ApplicationStatus({ pilot, state, viewer }: { pilot: string; state: string; viewer: StatusViewer }) {
  const t = await getTranslations();
  const w = statusWords(pilot, state, viewer);
  const Icon = toneIcons[w.tone];
  return (
    <span
      data-testid="application-status"
      data-action={w.action ? 'true' : undefined}
      className={cx('inline-flex items-start gap-1.5 rounded-2xl border px-2.5 py-0.5 text-sm font-semibold', toneClasses[w.tone])}
    >
      <span className="mt-0.5 shrink-0">
        <Icon />
      </span>
      <span>{t(w.key as never)}</span>
    </span>
  );
}
