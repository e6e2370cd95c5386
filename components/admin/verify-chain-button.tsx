'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Notice, SubmitButton, initialActionState, type ActionResult } from '@/components/ui';
import { verifyAuditChainAction } from '@/lib/admin/actions';

export function VerifyChainButton() {
  const t = useTranslations('Admin');
  const [state, action] = useActionState<ActionResult, FormData>(verifyAuditChainAction, initialActionState);
  const data = state.ok ? (state.data as { brokenId: string | null; checked: number } | undefined) : undefined;
  return (
    <form action={action} className="flex flex-col items-start gap-3">
      <SubmitButton variant="secondary" pendingLabel={t('verifying')}>
        {t('verifyChain')}
      </SubmitButton>
      {data ? (
        data.brokenId ? (
          <Notice tone="error" title={t('chainBroken', { id: data.brokenId })} />
        ) : (
          <Notice tone="success" title={t('chainIntact', { count: data.checked })} />
        )
      ) : null}
    </form>
  );
}
