'use client';

import { useLocale, useTranslations } from 'next-intl';
import { DeskIdentity, type PresentedDocument } from '@/components/identity/desk-identity';
import { FormErrorSummary, Notice, SubmitButton, TextField } from '@/components/ui';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { checkApplicantAtPointAction, issueCardAction } from '@/lib/id-card/actions';

/** Step 19, in person only: the applicant's document checked against GBD FL, then the new card's number. */
export function IssueCardForm({ id, version, photoSrc }: { id: string; version: number; photoSrc?: string }) {
  const t = useTranslations('IdCard');
  return (
    <DeskIdentity
      id={id}
      checkAction={checkApplicantAtPointAction}
      newPhoto={photoSrc ? { src: photoSrc, alt: t('photoAlt'), caption: t('newPhoto') } : undefined}
    >
      {(presented) => <CardHandOverForm id={id} version={version} presented={presented} />}
    </DeskIdentity>
  );
}

function CardHandOverForm({ id, version, presented }: { id: string; version: number; presented: PresentedDocument }) {
  const t = useTranslations('IdCard');
  const locale = useLocale();
  const { state, action, v, err, summary, failure } = useForm(issueCardAction);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormErrorSummary title={t('errorTitle')} errors={summary} focusKey={state} />
      <HiddenFields fields={{ id, version, locale, ...presented }} />
      <TextField
        name="newCardNumber"
        label={t('newCardNumber')}
        hint={t('newCardNumberHint')}
        width="sm"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={v('newCardNumber')}
        error={err('newCardNumber')}
      />
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <SubmitButton pendingLabel={t('saving')}>{t('issueCard')}</SubmitButton>
      </div>
    </form>
  );
}
