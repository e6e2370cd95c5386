import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/ui';
import { Link } from '@/i18n/navigation';
import { MarkReadButton } from '@/components/site/mark-read-button';
import type { Locale } from '@/i18n/routing';
import { requireArea } from '@/lib/auth/guards';
import { listNotifications } from '@/lib/notifications/queries';
import { notificationHref } from '@/lib/notifications/links';
import { notificationText } from '@/lib/notifications/render';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Cabinet' });
  return { title: t('notificationsTitle') };
}

export default async function NotificationsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor } = await requireArea('cabinet');
  const [t, tn, format, page] = await Promise.all([
    getTranslations('Cabinet'),
    getTranslations('NextSteps'),
    getFormatter(),
    listNotifications(actor.iin, 50),
  ]);
  const unread = page.rows.some((n) => !n.readAt);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('notificationsTitle')}
        actions={unread ? <MarkReadButton label={t('markAllRead')} pendingLabel={t('marking')} /> : null}
      />
      {page.rows.length === 0 ? (
        <EmptyState title={t('noNotifications')} description={t('noNotificationsText')} />
      ) : (
        <ul className="flex flex-col gap-3" data-testid="notifications">
          {page.rows.map((n) => (
            <li key={n.id} className={`rounded-lg border p-4 ${n.readAt ? 'border-line bg-white' : 'border-brand-500 bg-brand-50'}`}>
              <p className="text-sm text-ink-muted">
                <time dateTime={n.createdAt.toISOString()}>{format.dateTime(n.createdAt, 'stamp')}</time>
                {n.readAt ? null : (
                  <>
                    {' '}
                    · <strong>{t('unread')}</strong>
                  </>
                )}
              </p>
              <p className="mt-1">{notificationText(n.kind, n.params, locale)}</p>
              {/* Issue 15: it leads to its page (the application, or e.g. an owner's consent request), named by number. */}
              {(() => {
                const href = notificationHref(n);
                if (!href) return null;
                return (
                  <p className="mt-1">
                    <Link href={href} className="font-semibold text-brand-700 underline" data-testid="notification-link">
                      {n.applicationNumber && !n.params.path
                        ? tn('openApplication', { number: n.applicationNumber })
                        : t('openNotification')}
                    </Link>
                  </p>
                );
              })()}
              {n.readAt ? null : <MarkReadButton id={n.id} label={t('markRead')} pendingLabel={t('marking')} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
