'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Notice, SubmitButton } from '@/components/ui';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { formTransferActAction } from '@/lib/machinery/archive-actions';

/** p.17: the akimat forms the act of one CON's due documents. */
export function FormActButton({ serviceCentreId, label }: { serviceCentreId: number; label: string }) {
  const t = useTranslations('MachineryArchive');
  const locale = useLocale();
  const { action, failure } = useForm(formTransferActAction);
  return (
    <form action={action} className="flex flex-col gap-2" data-testid={`form-act-${serviceCentreId}`}>
      <HiddenFields fields={{ serviceCentreId, locale }} />
      <div>
        <SubmitButton pendingLabel={t('forming')} aria-label={label}>
          {t('formAct')}
        </SubmitButton>
      </div>
      {failure ? <Notice tone="error" title={failure} /> : null}
    </form>
  );
}
