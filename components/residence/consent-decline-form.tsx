'use client';

import { useLocale, useTranslations } from 'next-intl';
import { FormErrorSummary, Notice, SubmitButton, TextareaField } from '@/components/ui';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { declineConsentAction } from '@/lib/residence/consent-actions';

/** The owner refuses with a reason (required; what was typed stays on an error); the applicant reads it. */
export function ConsentDeclineForm({ consentId, version }: { consentId: string; version: number }) {
  const t = useTranslations('ResidenceConsent.form');
  const locale = useLocale();
  const { state, action, v, err, summary, failure } = useForm(declineConsentAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate data-testid="consent-decline-form">
      <h3 className="text-lg font-semibold">{t('declineTitle')}</h3>
      <FormErrorSummary title={t('errorTitle')} errors={summary} focusKey={state} />
      <HiddenFields fields={{ consentId, version, locale }} />
      <TextareaField
        name="reason"
        label={t('reason')}
        hint={t('reasonHint')}
        required
        rows={3}
        maxLength={500}
        defaultValue={v('reason')}
        error={err('reason')}
      />
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <SubmitButton variant="secondary" pendingLabel={t('declining')}>
          {t('decline')}
        </SubmitButton>
      </div>
    </form>
  );
}
