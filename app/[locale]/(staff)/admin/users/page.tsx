import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable, EmptyState, PageHeader, StatusBadge } from '@/components/ui';
import { SealedSearchForm } from '@/components/search/sealed-search-form';
import { UserStatusForm } from '@/components/admin/user-status-form';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { listUsers } from '@/lib/admin/users-queries';
import { requireArea } from '@/lib/auth/guards';
import { searchQueryOf } from '@/lib/http/search-query';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Admin' });
  return { title: t('usersTitle') };
}

/** Issue 14: accounts, and disabling one (its sessions end at once) or enabling it again. */
export default async function UsersPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ s?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor } = await requireArea('admin');
  // The IIN comes back as a sealed token (`?s=`), never in the address (components/search).
  const q = searchQueryOf((await searchParams).s).slice(0, 64);
  const [t, tc, tr, rows] = await Promise.all([
    getTranslations('Admin'),
    getTranslations('Common'),
    getTranslations('Roles'),
    listUsers(q),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('usersTitle')}
        lead={t('usersLead')}
        eyebrow={
          <Link href="/admin" className="underline">
            {t('title')}
          </Link>
        }
      />
      <SealedSearchForm
        search="users"
        locale={locale}
        label={t('userSearch')}
        hint={t('userSearchHint')}
        submit={tc('search')}
        defaultValue={q}
        ariaLabel={t('usersTitle')}
        width="md"
      />
      <DataTable
        caption={t('usersTitle')}
        captionHidden
        columns={[
          { key: 'name', header: t('userName'), rowHeader: true, cell: (r) => `${r.givenName} ${r.surname}` },
          { key: 'iin', header: t('userIin'), cell: (r) => <span className="font-mono">{r.iin}</span> },
          { key: 'roles', header: t('userRoles'), cell: (r) => r.roles.map((role) => tr(role)).join(', ') },
          {
            key: 'status',
            header: t('userStatus'),
            cell: (r) =>
              r.active ? (
                <StatusBadge tone="success">{t('userActive')}</StatusBadge>
              ) : (
                <StatusBadge tone="danger">{t('userInactive')}</StatusBadge>
              ),
          },
          { key: 'sessions', header: t('openSessions'), cell: (r) => r.openSessions },
          {
            key: 'action',
            header: t('userAction'),
            cell: (r) =>
              r.id === actor.userId ? (
                <span aria-hidden="true">—</span>
              ) : (
                <UserStatusForm userId={r.id} name={`${r.givenName} ${r.surname}`} active={r.active} />
              ),
          },
        ]}
        rows={rows}
        rowKey={(r) => r.id}
        emptyState={<EmptyState title={t('noUsers')} />}
      />
    </div>
  );
}
