import { setRequestLocale } from 'next-intl/server';
import { QueuePage } from '@/components/areas/queue-page';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ after?: string }>;
}) {
  setRequestLocale((await params).locale);
  const { grant } = await requireArea('front-office');
  const { after } = await searchParams;
  return (
    <QueuePage
      area="front-office"
      grant={grant}
      pilot="machinery"
      scope={{ serviceCentreId: grant.serviceCentreId }}
      order="newest"
      after={after}
    />
  );
}
