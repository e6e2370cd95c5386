import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui';

export default async function NotFound() {
  const t = await getTranslations('NotFound');
  return <PageHeader title={t('title')} lead={t('text')} />;
}
