'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Notice, SubmitButton } from '@/components/ui';
import { HiddenFields, useForm } from '@/components/ui/use-form';
import { chooseDwellingAction, finishDraftAction, withdrawResidenceAction } from '@/lib/residence/citizen-actions';

/** "Choose this dwelling": the server checks it again (owners, a minor or incapable owner, registered already). */
export function ChooseDwellingForm({ id, version, cadastralNumber }: { id: string; version: number; cadastralNumber: string }) {
  const t = useTranslations('ResidenceApplication');
  const locale = useLocale();
  const { action, failure } = useForm(chooseDwellingAction);
  return (
    <form action={action} className="flex flex-col gap-3">
      <HiddenFields fields={{ id, version, locale, cadastralNumber }} />
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <SubmitButton pendingLabel={t('saving')}>{t('chooseDwelling')}</SubmitButton>
      </div>
    </form>
  );
}

/** Finish the draft: the other owners are asked, or it is ready to sign. */
export function FinishForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('ResidenceApplication');
  const locale = useLocale();
  const { action, failure } = useForm(finishDraftAction);
  return (
    <form action={action} className="flex flex-col gap-3">
      <HiddenFields fields={{ id, version, locale }} />
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <SubmitButton pendingLabel={t('sending')}>{t('finish')}</SubmitButton>
      </div>
    </form>
  );
}

export function WithdrawForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations('ResidenceApplication');
  const locale = useLocale();
  const { action, failure } = useForm(withdrawResidenceAction);
  return (
    <form action={action} className="flex flex-col gap-3">
      <HiddenFields fields={{ id, version, locale }} />
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div>
        <SubmitButton variant="secondary" pendingLabel={t('withdrawing')}>
          {t('withdraw')}
        </SubmitButton>
      </div>
    </form>
  );
}
