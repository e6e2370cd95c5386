'use client';

import { useTranslations } from 'next-intl';
import { ErrorIcon, SuccessIcon } from '@/components/ui/icons';

export type CheckLineView = { step: number; system: string; ok: boolean; code: string };

/** Each registry check of an application as a line with its result (every pilot's checks, `Checks.<code>`). */
export function CheckLines({ lines, title }: { lines: readonly CheckLineView[]; title?: string }) {
  const t = useTranslations('Checks');
  const systems = useTranslations('Admin.systems');
  if (!lines.length) return null;
  return (
    <section aria-label={title ?? t('title')} className="rounded-md border border-line bg-surface p-4" data-testid="check-lines">
      <h2 className="mb-2 text-lg font-semibold">{title ?? t('title')}</h2>
      <ul className="flex flex-col gap-2">
        {lines.map((l) => (
          <li key={`${l.step}-${l.system}`} className="flex items-start gap-2">
            {l.ok ? <SuccessIcon className="mt-0.5 size-5 text-success-700" /> : <ErrorIcon className="mt-0.5 size-5 text-danger-700" />}
            <span>
              <span className="font-semibold">
                {t('step', { n: l.step })} · {systems(l.system as never)}:
              </span>{' '}
              <span className={l.ok ? '' : 'font-semibold text-danger-700'}>{t(l.code as never)}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
