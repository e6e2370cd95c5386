'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Notice, SubmitButton, initialActionState, type ActionResult } from '@/components/ui';
import { probeRegistryAction } from '@/lib/admin/actions';

/** Makes one harmless call to the system and says whether it answered. */
export function ProbeButton({ system, label }: { system: string; label: string }) {
  const t = useTranslations('Admin');
  const [state, action] = useActionState<ActionResult, FormData>(probeRegistryAction, initialActionState);
  const answered = state.ok ? (state.data as { answered: boolean } | undefined)?.answered : undefined;
  return (
    <form action={action} className="mt-3 flex flex-wrap items-center gap-3">
      <input type="hidden" name="system" value={system} />
      <SubmitButton variant="secondary" size="sm" pendingLabel={t('probing')} aria-label={t('probeFor', { system: label })}>
        {t('probe')}
      </SubmitButton>
      {answered === true ? <Notice tone="success">{t('probeOk')}</Notice> : null}
      {answered === false ? <Notice tone="error">{t('probeFailed')}</Notice> : null}
    </form>
  );
}
