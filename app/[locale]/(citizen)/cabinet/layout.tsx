import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SectionNav } from '@/components/site/section-nav';
import { requireArea } from '@/lib/auth/guards';

const tabs = [
  { href: '/cabinet', key: 'applications' },
  { href: '/cabinet/notifications', key: 'notifications' },
  { href: '/cabinet/payments', key: 'payments' },
  { href: '/cabinet/documents', key: 'documents' },
  { href: '/cabinet/id-card', key: 'idCard' },
  { href: '/cabinet/access-log', key: 'accessLog' },
] as const;

export default async function CabinetLayout({ children }: { children: ReactNode }) {
  await requireArea('cabinet');
  const t = await getTranslations('Cabinet');
  return (
    <div className="flex flex-col gap-6">
      <SectionNav
        label={t('navLabel')}
        menuLabel={t('navLabel')}
        items={tabs.map((tab) => ({ href: tab.href, label: t(`tabs.${tab.key}`) }))}
      />
      {children}
    </div>
  );
}
