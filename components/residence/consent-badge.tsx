import { getTranslations } from 'next-intl/server';
import { StatusBadge, type StatusTone } from '@/components/ui';
import type { ConsentStatus } from '@/lib/residence/consent-rules';

const tone: Record<ConsentStatus, StatusTone> = {
  requested: 'warning',
  consented: 'success',
  declined: 'danger',
  expired: 'danger',
  cancelled: 'neutral',
};

/** A consent request's status in words (ResidenceConsent.status.*), with its tone. */
export async function ConsentBadge({ status }: { status: ConsentStatus }) {
  const t = await getTranslations('ResidenceConsent.status');
  return <StatusBadge tone={tone[status]}>{t(status)}</StatusBadge>;
}
