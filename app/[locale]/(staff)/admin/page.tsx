import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, Notice, PageHeader } from '@/components/ui';
import { ScopeLabel } from '@/components/site/scope-label';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { referenceTableNames } from '@/lib/admin/reference-tables';
import { requireArea } from '@/lib/auth/guards';
import { hasAlerts } from '@/lib/ops/alerts';
import { adminAlerts } from '@/lib/ops/queries';

/** The page's own title (the browser tab, screen readers' first announcement). */
export async function generateMetadata({ params }: { params: Promise<{ locale: 'kk' | 'ru' }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Admin' });
  return { title: t('title') };
}

export default async function AdminPage({ params }: { params: Promise<{ locale: Locale }> }) {
  setRequestLocale((await params).locale);
  const { grant } = await requireArea('admin');
  const [t, alerts] = await Promise.all([getTranslations('Admin'), adminAlerts()]);
  const link = 'font-medium text-brand-700 underline underline-offset-4';
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span data-testid="area-scope">
            <ScopeLabel grant={grant} />
          </span>
        }
        title={t('title')}
        lead={t('lead')}
      />
      {hasAlerts(alerts) ? (
        <Notice tone="warning" title={t('ops.alertTitle')}>
          <p data-testid="ops-alert">
            {[
              alerts.stuck ? t('ops.alertStuck', { count: alerts.stuck }) : null,
              alerts.overdue ? t('ops.alertOverdue', { count: alerts.overdue }) : null,
              alerts.outbox ? t('ops.alertOutbox', { count: alerts.outbox }) : null,
              alerts.jobs ? t('ops.alertJobs', { count: alerts.jobs }) : null,
              alerts.anchorOld ? t('ops.alertAnchor') : null,
            ]
              .filter(Boolean)
              .join(' · ')}{' '}
            <Link className={link} href="/admin/operations">
              {t('ops.alertOpen')}
            </Link>
          </p>
        </Notice>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t('referenceTitle')}>
          <ul className="flex flex-col gap-1">
            {referenceTableNames.map((n) => (
              <li key={n}>
                <Link className={link} href={`/admin/reference/${n}`}>
                  {t(`tables.${n}`)}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t('operationsTitle')}>
          <ul className="flex flex-col gap-1">
            <li>
              <Link className={link} href="/admin/operations">
                {t('ops.title')}
              </Link>
            </li>
            <li>
              <Link className={link} href="/admin/faults">
                {t('faultsTitle')}
              </Link>
            </li>
            <li>
              <Link className={link} href="/admin/sms">
                {t('smsTitle')}
              </Link>
            </li>
            <li>
              <Link className={link} href="/admin/jobs">
                {t('jobsTitle')}
              </Link>
            </li>
            <li>
              <Link className={link} href="/admin/audit">
                {t('auditTitle')}
              </Link>
            </li>
            <li>
              <Link className={link} href="/admin/certificates">
                {t('certificatesTitle')}
              </Link>
            </li>
            <li>
              <Link className={link} href="/admin/users">
                {t('usersTitle')}
              </Link>
            </li>
          </ul>
        </Card>
      </div>
    </div>
  );
}
