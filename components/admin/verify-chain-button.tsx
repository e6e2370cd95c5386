'use client';

import { useFormatter, useNow, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Notice, SubmitButton, initialActionState, type ActionResult } from '@/components/ui';
import { verifyAuditChainAction } from '@/lib/admin/actions';

type Report = {
  brokenId: number | null;
  brokenBy: 'chain' | 'anchor' | null;
  checked: number;
  unsealed: number;
  afterAnchor: number;
  anchor: { at: string; sealedUpTo: number; ageSeconds: number; signatureValid: boolean } | null;
};

/** An anchor older than this is shown as a warning: the anchoring job runs every minute. */
const STALE_ANCHOR_SECONDS = 10 * 60;

export function VerifyChainButton() {
  const t = useTranslations('Admin');
  const format = useFormatter();
  const now = useNow();
  const [state, action] = useActionState<ActionResult, FormData>(verifyAuditChainAction, initialActionState);
  const data = state.ok ? (state.data as Report | undefined) : undefined;
  return (
    <form action={action} className="flex flex-col items-start gap-3">
      <SubmitButton variant="secondary" pendingLabel={t('verifying')}>
        {t('verifyChain')}
      </SubmitButton>
      {data ? (
        <div className="flex flex-col gap-2">
          {data.brokenId ? (
            <Notice tone="error" title={t(data.brokenBy === 'anchor' ? 'chainBrokenAnchor' : 'chainBroken', { id: data.brokenId })} />
          ) : (
            <Notice tone="success" title={t('chainIntact', { count: data.checked })} />
          )}
          {data.anchor ? (
            <Notice
              tone={!data.anchor.signatureValid ? 'error' : data.anchor.ageSeconds > STALE_ANCHOR_SECONDS ? 'warning' : 'info'}
              title={t('chainAnchor', {
                seq: data.anchor.sealedUpTo,
                when: format.relativeTime(new Date(data.anchor.at), now),
                after: data.afterAnchor,
              })}
            >
              {data.anchor.signatureValid ? null : t('chainAnchorInvalid')}
            </Notice>
          ) : (
            <Notice tone="warning" title={t('chainNoAnchor')} />
          )}
          <p>{t('chainUnsealed', { count: data.unsealed })}</p>
        </div>
      ) : null}
    </form>
  );
}
