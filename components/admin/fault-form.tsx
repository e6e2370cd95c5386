'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Notice, SelectField, SubmitButton, TextField, initialActionState, type ActionResult } from '@/components/ui';
import { setFaultAction } from '@/lib/admin/actions';

export function FaultForm({
  system,
  latencyMs,
  errorRatePercent,
  outage,
}: {
  system: string;
  latencyMs: number;
  errorRatePercent: number;
  outage: boolean;
}) {
  const t = useTranslations('Admin');
  const te = useTranslations('Errors');
  const tc = useTranslations('Common');
  const [state, action] = useActionState<ActionResult, FormData>(setFaultAction, initialActionState);
  const v = (n: string, d: string) => (!state.ok && state.values?.[n]) || d;
  const err = (n: string) => (!state.ok ? state.fieldErrors?.[n]?.map((c) => te(c as never)) : undefined);
  const id = (n: string) => `${system}-${n}`;
  return (
    <form
      action={action}
      className="flex flex-wrap items-end gap-3"
      aria-label={t(`systems.${system}` as never)}
      data-testid={`fault-${system}`}
      noValidate
    >
      <input type="hidden" name="system" value={system} />
      <TextField
        id={id('latency')}
        name="latencyMs"
        label={t('latencyMs')}
        width="xs"
        inputMode="numeric"
        defaultValue={v('latencyMs', String(latencyMs))}
        error={err('latencyMs')}
      />
      <TextField
        id={id('rate')}
        name="errorRatePercent"
        label={t('errorRate')}
        width="xs"
        inputMode="decimal"
        defaultValue={v('errorRatePercent', String(errorRatePercent))}
        error={err('errorRatePercent')}
      />
      <SelectField
        id={id('outage')}
        name="outage"
        label={t('outage')}
        width="md"
        defaultValue={v('outage', outage ? 'keep' : 'none')}
        options={[
          { value: 'none', label: t('outageNone') },
          { value: 'now', label: t('outageNow') },
          ...(outage ? [{ value: 'keep', label: t('outageKeep') }] : []),
        ]}
      />
      <TextField
        id={id('ago')}
        name="outageMinutesAgo"
        label={t('outageMinutesAgo')}
        width="xs"
        inputMode="numeric"
        defaultValue={v('outageMinutesAgo', '0')}
      />
      <SubmitButton size="sm" pendingLabel={tc('saving')}>
        {tc('save')}
      </SubmitButton>
      {state.ok && state.message ? <Notice tone="success">{t('saved')}</Notice> : null}
      {!state.ok && state.code !== 'invalid' ? <Notice tone="error">{te(state.code as never)}</Notice> : null}
    </form>
  );
}
