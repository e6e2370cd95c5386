'use client';

import { useTranslations } from 'next-intl';
import { ErrorIcon, SuccessIcon } from '@/components/ui/icons';
import type { CheckLine } from '@/lib/vehicle-registration/checks';

/** Each registry check as a line with its result (order 000, steps 1–8 and 11–14). */
export function CheckLines({ lines, title }: { lines: readonly Pick<CheckLine, 'step' | 'system' | 'ok' | 'code'>[]; title?: string }) {
  const t = useTranslations('Vehicle');
  const ta = useTranslations('Admin');
  if (!lines.length) return null;
  return (
    <section aria-label={title ?? t('checksTitle')} className="rounded-md border border-line bg-surface p-4" data-testid="check-lines">
      <h2 className="mb-2 text-lg font-semibold">{title ?? t('checksTitle')}</h2>
      <ul className="flex flex-col gap-2">
        {lines.map((l) => (
          <li key={`${l.step}-${l.system}`} className="flex items-start gap-2">
            {l.ok ? <SuccessIcon className="mt-0.5 size-5 text-success-700" /> : <ErrorIcon className="mt-0.5 size-5 text-danger-700" />}
            <span>
              <span className="font-semibold">{t('step', { n: l.step })} · {ta(`systems.${l.system}` as never)}:</span>{' '}
              <span className={l.ok ? '' : 'font-semibold text-danger-700'}>{t(`checks.${l.code}` as never)}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
