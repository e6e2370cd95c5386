'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Notice, SubmitButton, initialActionState, type ActionResult } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { issueTicketAction } from '@/lib/vehicle-registration/actions';
import { PrintableTicket } from '@/components/print/printable-ticket';

/** Reception: a queue ticket for "issuance of registration documents", shown large and printable. */
export function TicketButton({ applicationId, existing }: { applicationId: string; existing: string | null }) {
  const t = useTranslations('Vehicle');
  const locale = useLocale();
  const errorText = useErrorText();
  const [state, action] = useActionState<ActionResult<{ code: string }>, FormData>(issueTicketAction as never, initialActionState);
  const code = state.ok ? (state.data?.code ?? existing) : existing;
  if (code) {
    return (
      <div data-testid="ticket">
        <PrintableTicket title={t('ticketFor')} code={code} />
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="locale" value={locale} />
      <div>
        <SubmitButton pendingLabel={t('working')}>{t('issueTicket')}</SubmitButton>
      </div>
      {!state.ok ? <Notice tone="error" title={errorText(state.code, state.params)} /> : null}
    </form>
  );
}
