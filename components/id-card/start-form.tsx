'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { CheckboxGroup, FileField, Notice, SubmitButton, TextField, initialActionState, type ActionResult } from '@/components/ui';
import { useErrorText } from '@/components/ui/error-text';
import { CheckLines } from '@/components/applications/check-lines';
import { askConsentAction, refuseConsentAction, startRenewalAction } from '@/lib/id-card/actions';
import type { CheckLine } from '@/lib/applications/check-run';
import type { Locale } from '@/i18n/routing';
import { formatDate } from '@/lib/format';

/** A failure's notice: the message, and for the order's "go to a CON" reasons the nearest CONs. */
function FailureNotice({ state, goToCon }: { state: ActionResult; goToCon: React.ReactNode }) {
  const t = useTranslations('IdCard');
  const tt = useTranslations('IdCardTasks');
  const locale = useLocale() as Locale;
  const errorText = useErrorText();
  if (state.ok || state.code === 'invalid') return null;
  // Step 7's window (issue 15): "too early" is told in its message from which day to apply online, and is not sent
  // to a CON; "too late" keeps the order's "go to a CON" and the nearest CONs, with the last day online above them.
  const window = (state.data ?? {}) as { onlineUntil?: string };
  const conCodes = state.code.startsWith('id_card_') && state.code !== 'id_card_pilot_closed' && state.code !== 'id_card_too_early';
  return (
    <Notice tone="error" title={errorText(state.code, state.params)}>
      {window.onlineUntil ? (
        <p className="mb-2 font-semibold" data-testid="online-until">
          {tt('onlineUntil', { date: formatDate(window.onlineUntil, locale) })}
        </p>
      ) : null}
      {conCodes ? (
        <>
          <p className="font-semibold">{t('goToCon')}</p>
          {goToCon}
        </>
      ) : null}
    </Notice>
  );
}

/** Step 1, first half: the portal sends its request to the consent service. */
export function AskConsentForm({ goToCon }: { goToCon: React.ReactNode }) {
  const t = useTranslations('IdCard');
  const locale = useLocale();
  const [state, action] = useActionState<ActionResult, FormData>(askConsentAction, initialActionState);
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <p>{t('consentHint')}</p>
      <FailureNotice state={state} goToCon={goToCon} />
      <div>
        <SubmitButton pendingLabel={t('consentAsking')}>{t('askConsent')}</SubmitButton>
      </div>
    </form>
  );
}

/**
 * Step 1, second half, and step 2's phone: the citizen answers the consent service's request and gives the
 * number BMG is asked about, with the camera capture for step 3's Digital-ID liveness; then the checks of steps
 * 1–7, each shown with its result.
 */
export function StartForm({ consentId, goToCon }: { consentId: string; goToCon: React.ReactNode }) {
  const t = useTranslations('IdCard');
  const locale = useLocale();
  const errorText = useErrorText();
  const [state, action] = useActionState<ActionResult, FormData>(startRenewalAction, initialActionState);
  const [refused, refuse] = useActionState<ActionResult, FormData>(refuseConsentAction, initialActionState);
  const failed = !state.ok ? state : null;
  const checks = (failed?.data as { checks?: CheckLine[] } | undefined)?.checks ?? [];
  const fieldError = (name: string) => failed?.fieldErrors?.[name]?.slice(0, 1).map((c) => errorText(c));
  return (
    <div className="flex flex-col gap-5">
      <form action={action} className="flex flex-col gap-5" noValidate>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="consentId" value={consentId} />
        <p data-testid="consent-request">{t('consentRequested')}</p>
        <CheckboxGroup
          name="consent"
          legend={t('consentLegend')}
          hint={t('consentHint')}
          error={fieldError('consent')}
          defaultValue={failed?.values?.consent === 'on' ? ['on'] : []}
          options={[{ value: 'on', label: t('consent') }]}
        />
        <TextField
          name="phone"
          type="tel"
          label={t('bmgPhone')}
          hint={t('bmgPhoneHint')}
          width="sm"
          autoComplete="tel"
          inputMode="tel"
          defaultValue={failed?.values?.phone ?? ''}
          error={fieldError('phone')}
        />
        <FileField
          name="liveness"
          id="liveness-capture"
          label={t('livenessCapture')}
          hint={t('livenessCaptureHint')}
          accept="image/jpeg,image/png"
          capture="user"
          shrink={{ maxSide: 1280, maxBytes: 200_000 }}
          error={fieldError('liveness')}
        />
        <CheckLines lines={checks} title={t('checksTitle')} />
        <FailureNotice state={state} goToCon={goToCon} />
        <div>
          <SubmitButton pendingLabel={t('checking')}>{t('start')}</SubmitButton>
        </div>
      </form>
      <form action={refuse} className="flex flex-col gap-3">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="consentId" value={consentId} />
        <FailureNotice state={refused} goToCon={goToCon} />
        <div>
          <SubmitButton variant="secondary" pendingLabel={t('consentRefusing')}>
            {t('refuseConsent')}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
