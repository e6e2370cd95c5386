'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Notice, SelectField, SubmitButton, initialActionState, type ActionResult } from '@/components/ui';
import { revokeCertificateAction } from '@/lib/admin/actions';

/**
 * Revokes one certificate. It stays mounted when the page re-renders the row as revoked, so the admin still sees
 * the confirmation of what they just did; a certificate revoked earlier shows a dash.
 */
export function RevokeForm({ serial, reasons, revoked }: { serial: string; reasons: readonly string[]; revoked: boolean }) {
  const t = useTranslations('Admin');
  const te = useTranslations('Errors');
  const [state, action] = useActionState<ActionResult, FormData>(revokeCertificateAction, initialActionState);
  if (state.ok && state.message) return <Notice tone="success">{t(state.message === 'revoked' ? 'revoked' : 'alreadyRevoked')}</Notice>;
  if (revoked) return <span aria-hidden="true">—</span>;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" aria-label={t('revokeFor', { serial: serial.slice(0, 8) })}>
      <input type="hidden" name="serial" value={serial} />
      <SelectField
        id={`reason-${serial}`}
        name="reason"
        label={t('revokeReason')}
        width="md"
        options={reasons.map((r) => ({ value: r, label: t(`revocationReasons.${r}` as never) }))}
      />
      <SubmitButton variant="danger" size="sm" pendingLabel={t('revoking')}>
        {t('revoke')}
      </SubmitButton>
      {!state.ok ? <Notice tone="error">{te(state.code as never)}</Notice> : null}
    </form>
  );
}
