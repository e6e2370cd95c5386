import { getTranslations } from 'next-intl/server';
import { CheckLines, type CheckLineView } from '@/components/applications/check-lines';
import { ErrorIcon, SuccessIcon } from '@/components/ui/icons';

/** The registry checks folded into one line ("all N passed"), each check's line inside (issue 15). */
export async function ChecksSummary({ lines }: { lines: readonly CheckLineView[] }) {
  if (!lines.length) return null;
  const t = await getTranslations('IdCardTasks');
  const failed = lines.filter((l) => !l.ok).length;
  return (
    <details className="group rounded-md border border-line bg-surface" data-testid="checks-summary" open={failed > 0}>
      <summary className="flex cursor-pointer items-start gap-2 p-4 font-semibold">
        {failed ? (
          <ErrorIcon className="mt-0.5 size-5 shrink-0 text-danger-700" />
        ) : (
          <SuccessIcon className="mt-0.5 size-5 shrink-0 text-success-700" />
        )}
        <span>
          {failed ? t('checksFailed', { failed, count: lines.length }) : t('checksPassed', { count: lines.length })}{' '}
          <span className="font-normal whitespace-nowrap text-brand-700 underline underline-offset-2">{t('checksDetails')}</span>
        </span>
      </summary>
      <div className="border-t border-line p-2">
        <CheckLines lines={lines} />
      </div>
    </details>
  );
}
