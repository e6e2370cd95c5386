'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Notice, SubmitButton } from '@/components/ui';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { issueTicketAction } from '@/lib/machinery/intake-actions';
import { PrintableTicket } from '@/components/print/printable-ticket';

/** Reception (orders 001/004, p.5): an e-queue ticket for the machinery front office, with no IIN asked. */
export function ReceptionMachineryTicket() {
  const t = useTranslations('MachineryIntake.reception');
  const tp = useTranslations('Print');
  const locale = useLocale();
  const { state, action, failure } = useForm(issueTicketAction);
  const code = state.ok ? (state.data as { code?: string } | undefined)?.code : undefined;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <HiddenFields fields={{ locale }} />
      {failure ? <Notice tone="error" title={failure} /> : null}
      {code ? <Notice tone="success" title={t('issued', { code })} /> : null}
      {code ? <PrintableTicket title={tp('machineryTicket')} code={code} /> : null}
      <div>
        <SubmitButton variant="secondary" pendingLabel={t('issuing')}>
          {t('issue')}
        </SubmitButton>
      </div>
    </form>
  );
}
