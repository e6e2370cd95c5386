import { getTranslations } from 'next-intl/server';
import { Notice } from '@/components/ui';
import { maskIin } from '@/lib/kz/iin';
import type { PlateLookup } from '@/lib/machinery/review-service';

/** p.10 (3): what the archive of data says of a plate: free, or whose machine carries it. */
export async function PlateLookupResult({ lookup, ownerIin, title }: { lookup: PlateLookup; ownerIin: string | null; title: string }) {
  const t = await getTranslations('MachineryReview');
  if (!lookup.plate)
    return (
      <Notice tone="error" title={title}>
        {t('plateStatus.invalid')}
      </Notice>
    );
  const owner = lookup.ownerIin ? maskIin(lookup.ownerIin) : (lookup.ownerBin ?? '—');
  const text =
    lookup.status === null
      ? t('plateStatus.unknown')
      : lookup.status === 'assigned'
        ? t('plateStatus.assigned', { serial: lookup.machineSerial ?? '—', owner, same: lookup.ownerIin === ownerIin ? 'yes' : 'no' })
        : t(`plateStatus.${lookup.status}`);
  const tone = lookup.status === 'free' && lookup.inRegion ? 'success' : lookup.status === 'assigned' ? 'info' : 'warning';
  return (
    <div className="mt-4" data-testid="plate-lookup">
      <Notice tone={tone} title={`${title}: ${lookup.plate}`}>
        <p>{text}</p>
        {!lookup.inRegion ? <p>{t('plateStatus.otherRegion')}</p> : null}
      </Notice>
    </div>
  );
}
