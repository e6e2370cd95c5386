import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { shareLabel, type ConsentRow } from '@/lib/residence/consent-rules';
import { ConsentBadge } from './consent-badge';

type Consent = Pick<ConsentRow, 'id' | 'ownerIin' | 'shareMilli' | 'status' | 'expiresAt' | 'answeredAt' | 'declineReason'>;

export type ConsentStatusProps = {
  /** `loadResidence(...).consents`. */
  consents: readonly Consent[];
  /** Each owner's masked name by IIN (lib/residence/consent-queries.ts `consentOwnerNames`). */
  names: Readonly<Record<string, string>>;
};

/**
 * The applicant's view of the owners' answers (SPEC §6): each owner masked («Асель Н.»), their share, the answer
 * in words, and when they answered (or until when they may). A refusal shows its reason: the applicant must know why.
 */
export async function ConsentStatus({ consents, names }: ConsentStatusProps) {
  const [t, locale] = await Promise.all([getTranslations('ResidenceConsent.applicantList'), getLocale()]);
  const l = locale === 'ru' ? 'ru' : 'kk';
  return (
    <Card title={t('title')}>
      {consents.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line" data-testid="consent-status">
          {consents.map((c) => (
            <li key={c.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:flex-wrap sm:items-center sm:gap-4" data-consent={c.status}>
              <span className="font-semibold">
                <span className="sr-only">{t('owner')}: </span>
                {names[c.ownerIin] ?? '—'}
              </span>
              <span className="text-ink-muted">
                {t('share')}: {shareLabel(c.shareMilli)}
              </span>
              <ConsentBadge status={c.status} />
              <span className="text-sm text-ink-muted">
                {c.answeredAt
                  ? t('answeredAt', { at: formatDateTime(c.answeredAt, l) })
                  : c.status === 'requested'
                    ? t('expiresAt', { at: formatDateTime(c.expiresAt, l) })
                    : null}
              </span>
              {c.status === 'declined' && c.declineReason ? (
                <span className="basis-full">{t('reason', { reason: c.declineReason })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
