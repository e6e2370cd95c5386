import { getLocale, getTranslations } from 'next-intl/server';
import { ButtonLink, PageHeader } from '@/components/ui';
import { getPathname } from '@/i18n/navigation';

export default async function NotFound() {
  const [t, locale] = await Promise.all([getTranslations('NotFound'), getLocale()]);
  return (
    <div className="flex flex-col gap-4" data-testid="not-found">
      <PageHeader title={t('title')} lead={t('text')} />
      <div>
        <ButtonLink href={getPathname({ href: '/', locale })} variant="secondary">
          {t('home')}
        </ButtonLink>
      </div>
    </div>
  );
}
