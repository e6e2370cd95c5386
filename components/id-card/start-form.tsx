'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { CheckboxGroup, FileField, Notice, SubmitButton, initialActionState, type ActionResult } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { CheckLines } from '@/components/applications/check-lines';
import { startRenewalAction } from '@/lib/id-card/actions';
import type { CheckLine } from '@/lib/applications/check-run';

/**
 * Step 1 (consent), the camera capture for step 3's Digital-ID liveness, and the checks of steps 2–7, each shown with
 * its result; a "no" says why and where to go.
 */
export function StartForm({ goToCon }: { goToCon: React.ReactNode }) {
  const t = useTranslations('IdCard');
  const locale = useLocale();
  const errorText = useErrorText();
  const [state, action] = useActionState<ActionResult, FormData>(startRenewalAction, initialActionState);
  const failed = !state.ok ? state : null;
  const checks = (failed?.data as { checks?: CheckLine[] } | undefined)?.checks ?? [];
  const consentError = failed?.fieldErrors?.consent?.map((c) => errorText(c));
  const conCodes = failed && failed.code.startsWith('id_card_') && failed.code !== 'id_card_pilot_closed';
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <CheckboxGroup
        name="consent"
        legend={t('consentLegend')}
        hint={t('consentHint')}
        error={consentError}
        options={[{ value: 'on', label: t('consent') }]}
      />
      <FileField
        name="liveness"
        id="liveness-capture"
        label={t('livenessCapture')}
        hint={t('livenessCaptureHint')}
        accept="image/jpeg,image/png"
        capture="user"
        error={failed?.fieldErrors?.liveness?.map((c) => errorText(c))}
      />
      <CheckLines lines={checks} title={t('checksTitle')} />
      {failed && failed.code !== 'invalid' ? (
        <Notice tone="error" title={errorText(failed.code, failed.params)}>
          {conCodes ? (
            <>
              <p className="font-semibold">{t('goToCon')}</p>
              {goToCon}
            </>
          ) : null}
        </Notice>
      ) : null}
      <div>
        <SubmitButton pendingLabel={t('checking')}>{t('start')}</SubmitButton>
      </div>
    </form>
  );
}
