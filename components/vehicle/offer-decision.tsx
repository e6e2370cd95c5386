'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Notice, SubmitButton, TextareaField, initialActionState, type ActionResult } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { acceptOfferAction, declineOfferAction } from '@/lib/vehicle-registration/actions';
import type { CheckLine } from '@/lib/applications/check-run';
import { CheckLines } from '@/components/applications/check-lines';

/** Step 10: accept (then steps 11–14 run) or decline with a reason the dealer sees. */
export function OfferDecision({ id, version }: { id: string; version: number }) {
  const t = useTranslations('Vehicle');
  const locale = useLocale();
  const errorText = useErrorText();
  const [accepted, accept] = useActionState<ActionResult, FormData>(acceptOfferAction, initialActionState);
  const [declined, decline] = useActionState<ActionResult, FormData>(declineOfferAction, initialActionState);
  const hidden = (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="locale" value={locale} />
    </>
  );
  const reasonErrors = !declined.ok ? declined.fieldErrors?.reason?.map((c) => errorText(c)) : undefined;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form action={accept} className="flex flex-col gap-3">
        {hidden}
        <h2 className="text-xl font-semibold">{t('acceptTitle')}</h2>
        <p className="text-ink-muted">{t('acceptText')}</p>
        <CheckLines lines={!accepted.ok ? ((accepted.data as { checks?: CheckLine[] } | undefined)?.checks ?? []) : []} />
        {!accepted.ok ? <Notice tone="error" title={errorText(accepted.code, accepted.params)} /> : null}
        <div>
          <SubmitButton pendingLabel={t('checking')}>{t('accept')}</SubmitButton>
        </div>
      </form>
      <form action={decline} className="flex flex-col gap-3" noValidate>
        {hidden}
        <h2 className="text-xl font-semibold">{t('declineTitle')}</h2>
        <TextareaField
          name="reason"
          label={t('declineReason')}
          hint={t('declineReasonHint')}
          rows={3}
          defaultValue={!declined.ok ? declined.values?.reason : undefined}
          error={reasonErrors}
        />
        {!declined.ok && declined.code !== 'invalid' ? <Notice tone="error" title={errorText(declined.code, declined.params)} /> : null}
        <div>
          <SubmitButton variant="secondary" pendingLabel={t('working')}>
            {t('decline')}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
