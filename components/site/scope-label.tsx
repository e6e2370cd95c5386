import { getLocale, getTranslations } from 'next-intl/server';
import type { Grant } from '@/lib/auth/actor';
import { describeScope } from '@/lib/reference/scope-names';

/** "UMS DP officer — Kostanay region": shown on every staff screen (SPEC §1). */
export async function ScopeLabel({ grant }: { grant: Grant }) {
  const [t, tr, locale] = await Promise.all([getTranslations('Scope'), getTranslations('Roles'), getLocale()]);
  const d = await describeScope(grant, locale);
  const role = tr(grant.role);
  switch (d.kind) {
    case 'region':
      return <>{t('region', { role, region: d.region })}</>;
    case 'centre':
      return <>{t('centre', { role, number: d.number, region: d.region })}</>;
    case 'akimat':
      return <>{t('akimat', { role, akimat: d.akimat })}</>;
    case 'point':
      return <>{t('point', { role, point: d.point })}</>;
    case 'dealer':
      return <>{t('dealer', { role, dealer: d.dealer })}</>;
    case 'all':
      return <>{t('all', { role })}</>;
    case 'self':
      return <>{t('self', { role })}</>;
  }
}
