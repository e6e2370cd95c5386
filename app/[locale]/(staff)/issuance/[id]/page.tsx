import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ButtonLink, Card, DescriptionList, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { GbdPhoto } from '@/components/vehicle/gbd-photo';
import { IssueForm } from '@/components/vehicle/issue-form';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { statusTone } from '@/lib/applications/statuses';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { isRegistryUnavailable } from '@/lib/registries/errors';
import { buyerAtDesk, issuanceApplicationFor } from '@/lib/vehicle-registration/queries';

/** At the desk: the buyer as GBD FL knows them (name, photo) beside the application, and the hand-over. */
export default async function IssuanceApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ ticket?: string; issued?: string }>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('issuance');
  const app = await issuanceApplicationFor(actor, grant, id).catch((e) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const [t, ts, te, ta, sp] = await Promise.all([
    getTranslations('Vehicle'),
    getTranslations('Status'),
    getTranslations('Errors'),
    getTranslations('Admin'),
    searchParams,
  ]);
  const person = await buyerAtDesk(actor, grant, app).catch((e) => {
    if (isRegistryUnavailable(e)) return 'unavailable' as const;
    throw e;
  });
  const names = person && person !== 'unavailable' ? (locale === 'kk' ? person.names.kk : person.names.ru) : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span className="font-mono">
            {app.number}
            {sp.ticket ? ` · ${sp.ticket}` : ''}
          </span>
        }
        title={t('deskTitle')}
        actions={<StatusBadge tone={statusTone(app.status)}>{ts(app.status as never)}</StatusBadge>}
      />
      {sp.issued ? <Notice tone="success" title={t('issuedAtDesk')} /> : null}
      {person === 'unavailable' ? <Notice tone="error" title={te('registry_unavailable', { system: ta('systems.gbd_fl') })} /> : null}
      <div className="grid gap-6 md:grid-cols-2">
        <Card title={t('buyerAtDesk')}>
          <div className="flex gap-4">
            {person && person !== 'unavailable' ? <GbdPhoto seed={person.photoSeed} label={t('gbdPhoto')} /> : null}
            <DescriptionList
              items={[
                { term: t('fullName'), value: names ? [names.surname, names.givenName, names.patronymic].filter(Boolean).join(' ') : '—' },
                { term: t('docIin'), value: <span className="font-mono">{app.buyerIin}</span> },
                ...(person && person !== 'unavailable'
                  ? [{ term: t('idDocument'), value: `${person.document.number} · ${person.birthDate}` }]
                  : []),
              ]}
            />
          </div>
        </Card>
        <Card title={t('documentsToHand')}>
          <DescriptionList
            items={[
              { term: t('vin'), value: <span className="font-mono">{app.vin}</span> },
              { term: t('makeModel'), value: app.vehicle ? `${app.vehicle.make} ${app.vehicle.model}` : '—' },
              { term: t('plate'), value: <span className="font-mono text-lg font-bold">{app.plateNumber ?? '—'}</span> },
              { term: t('srtsNumber'), value: <span className="font-mono">{app.srtsNumber ?? '—'}</span> },
              ...(app.srtsBlankSerial ? [{ term: t('srtsBlankSerial'), value: app.srtsBlankSerial }] : []),
            ]}
          />
        </Card>
      </div>
      {app.status === 'ready_for_pickup' ? (
        <Card title={t('handOver')}>
          <IssueForm id={app.id} version={app.version} />
        </Card>
      ) : null}
      <div>
        <ButtonLink variant="secondary" href={getPathname({ href: '/issuance', locale })}>
          {t('backToQueue')}
        </ButtonLink>
      </div>
    </div>
  );
}
