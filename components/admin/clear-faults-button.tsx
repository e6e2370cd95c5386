'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton, initialActionState, type ActionResult } from '@/components/ui';
import { clearFaultsAction } from '@/lib/admin/actions';

export function ClearFaultsButton() {
  const t = useTranslations('Admin');
  const [, action] = useActionState<ActionResult, FormData>(clearFaultsAction, initialActionState);
  return (
    <form action={action}>
      <SubmitButton variant="secondary" pendingLabel={t('clearing')}>
        {t('clearFaults')}
      </SubmitButton>
    </form>
  );
}
