import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Link } from '@/i18n/navigation';
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
      <nav aria-label={t('navLabel')}>
        <ul className="flex flex-wrap gap-2 border-b border-line pb-2">
          {tabs.map((tab) => (
            <li key={tab.href}>
              <Link href={tab.href} className="rounded px-3 py-2 font-medium text-brand-700 underline-offset-4 hover:underline">
                {t(`tabs.${tab.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
