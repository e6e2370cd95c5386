import { ButtonLink, PageHeader } from '@/components/ui';
import { getPathname } from '@/i18n/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

export default async function Forbidden() {
  const [t, locale] = await Promise.all([getTranslations('Forbidden'), getLocale()]);
  return (
    <div className="flex flex-col gap-4" data-testid="forbidden">
      <PageHeader title={t('title')} lead={t('text')} />
      <ButtonLink href={getPathname({ href: '/start', locale })} variant="secondary">
        {t('home')}
      </ButtonLink>
    </div>
  );
}
