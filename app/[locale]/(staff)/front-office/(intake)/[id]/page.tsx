import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SignDialog } from '@/components/eds/sign-dialog';
import {
  ActionForm,
  ChecklistForm,
  CheckFeesForm,
  IdentifyForm,
  MachineForm,
  OwnerForm,
  RefuseIncompleteForm,
  RemoveScanForm,
  ScanForm,
} from '@/components/machinery/intake/forms';
import { Card, DescriptionList, Notice, PageHeader, StatusBadge } from '@/components/ui';
import { GbdPhoto } from '@/components/vehicle/gbd-photo';
import type { Locale } from '@/i18n/routing';
import { statusTone } from '@/lib/applications/statuses';
import { requireArea } from '@/lib/auth/guards';
import { isDomainError } from '@/lib/errors';
import { formatDateTime, formatMoney } from '@/lib/format';
import { signAndSubmitAction } from '@/lib/machinery/intake-actions';
import { intakeDocumentFor, intakeFor, wizardDataOf } from '@/lib/machinery/intake-queries';
import { checklistCompleteness, itemApplies, machineryActions, machineryKinds, needsRegisteredMachine } from '@/lib/machinery/rules';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'MachineryIntake' });
  return { title: t('wizardTitle') };
}

function Section({ id, n, title, done, children }: { id: string; n: number; title: string; done: string | null; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-6">
      <Card
        title={
          <span id={`${id}-title`}>
            {n}. {title}
          </span>
        }
        actions={done ? <StatusBadge tone="success">{done}</StatusBadge> : null}
      >
        {children}
      </Card>
    </section>
  );
}

/** The intake wizard of the front office (orders 001/004, p.6 (1)–(5), p.7, p.8): one section per step, each saved. */
export default async function IntakePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, grant } = await requireArea('front-office');
  const app = await intakeFor(actor, grant, id).catch((e: unknown) => {
    if (isDomainError(e)) notFound();
    throw e;
  });
  const [t, tm, ts, sp, data] = await Promise.all([
    getTranslations('MachineryIntake'),
    getTranslations('Machinery'),
    getTranslations('Status'),
    searchParams,
    wizardDataOf(actor, grant, app),
  ]);
  const m = app.m;
  const open = app.status === 'received';
  const identified = !!m.identifiedIin && !!m.biometrics?.passed;
  const person = data.person && data.person !== 'unavailable' ? data.person : null;
  const names = person ? (locale === 'kk' ? person.names.kk : person.names.ru) : null;
  const fullName = names ? [names.surname, names.givenName, names.patronymic].filter(Boolean).join(' ') : null;
  const who = { ownerKind: m.ownerKind ?? 'person', representative: !!m.representativeIin } as const;
  const applicable = data.items.filter((i) => itemApplies(i, who));
  const completeness = m.ownerKind ? checklistCompleteness(data.items, m.checklistTicks, who) : null;
  const itemName = (code: string) => tm(`checklist.${code}` as never);
  const money = (tiyn: number) => formatMoney(tiyn, locale);
  const document = open && data.blockers.length === 0 ? await intakeDocumentFor(app, actor.iin) : null;
  const savedNotice = sp.saved && open && t.has(`saved.${sp.saved}` as never) ? t(`saved.${sp.saved}` as never) : null;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <span className="font-mono">
            {app.number}
            {data.ticket ? ` · ${data.ticket}` : ''}
          </span>
        }
        title={t('wizardTitle')}
        actions={<StatusBadge tone={statusTone(app.status)}>{ts(app.status as never)}</StatusBadge>}
      />
      <p>
        <Link href={`/${locale}/front-office`} className="underline">
          {t('backToList')}
        </Link>
      </p>
      {savedNotice ? <Notice tone="success" title={savedNotice} /> : null}

      {app.status === 'rejected_at_intake' ? (
        <Notice tone="warning" title={m.refusalReasonCode ? tm(`refusal.${m.refusalReasonCode}` as never) : ts('rejected_at_intake')}>
          {m.missingItems?.length ? (
            <>
              <p>{t('missingItems')}</p>
              <ul className="list-disc pl-6">
                {m.missingItems.map((c) => (
                  <li key={c}>{itemName(c)}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="mt-2">
            <a href={`/api/machinery/${app.id}/refusal`} className="font-semibold underline" data-testid="refusal-pdf">
              {t('downloadRefusal')}
            </a>
          </p>
        </Notice>
      ) : null}
      {app.status === 'under_review' || app.status === 'approved' || app.status === 'issued' ? (
        <Notice tone="success" title={t('submittedTitle')}>
          <p>
            {t('submittedText', {
              akimat: data.akimat ? (locale === 'kk' ? data.akimat.nameKk : data.akimat.nameRu) : '—',
              deadline: app.deadlineAt ? formatDateTime(app.deadlineAt, locale) : '—',
            })}
          </p>
        </Notice>
      ) : null}

      <Section id="action" n={1} title={t('sectionAction')} done={tm(`action.${m.action}` as never)}>
        {open && !m.identifiedIin ? (
          <ActionForm id={app.id} version={app.version} current={m.action} actions={machineryActions} />
        ) : (
          <p>{tm(`action.${m.action}` as never)}</p>
        )}
      </Section>

      <Section id="identity" n={2} title={t('sectionIdentity')} done={identified ? t('done') : null}>
        {m.identifiedIin ? (
          <div className="flex flex-col gap-4">
            <div className="flex flex-wrap gap-4">
              {person ? <GbdPhoto seed={person.photoSeed} label={t('gbdPhoto')} /> : null}
              <DescriptionList
                items={[
                  { term: t('documentNumber'), value: <span className="font-mono">{m.identityDocumentNumber}</span> },
                  { term: t('fullName'), value: fullName ?? (data.person === 'unavailable' ? t('gbdUnavailable') : '—') },
                  { term: t('iin'), value: <span className="font-mono">{m.identifiedIin}</span> },
                  { term: t('biometrics'), value: m.biometrics?.passed ? t('biometricsPassed') : t('biometricsFailed') },
                ]}
              />
            </div>
          </div>
        ) : open ? (
          <IdentifyForm id={app.id} version={app.version} applicantLocale={m.applicantLocale} />
        ) : null}
      </Section>

      {identified ? (
        <Section id="owner" n={3} title={t('sectionOwner')} done={m.ownerKind ? t('done') : null}>
          {m.ownerKind ? (
            <DescriptionList
              className="mb-4"
              items={[
                {
                  term: t('owner'),
                  value: m.ownerIin ? (
                    <span className="font-mono">{m.ownerIin}</span>
                  ) : (
                    <span className="font-mono">
                      {t('binLabel')} {m.ownerBin}
                    </span>
                  ),
                },
                {
                  term: t('representative'),
                  value: m.representativeIin
                    ? t('poaSummary', { number: m.powerOfAttorneyNumber ?? '', until: m.powerOfAttorneyValidUntil ?? '' })
                    : t('inPerson'),
                },
                { term: t('phone'), value: m.phone ?? '—' },
              ]}
            />
          ) : null}
          {open ? (
            <OwnerForm
              id={app.id}
              version={app.version}
              bmgPhone={data.bmgPhone}
              defaults={{
                mode: m.representativeIin ? 'representative' : m.ownerKind === 'organisation' ? 'organisation_head' : 'self',
                ownerKind: m.ownerKind ?? 'person',
                ownerIin: m.representativeIin ? (m.ownerIin ?? '') : '',
                ownerBin: m.ownerBin ?? '',
                powerOfAttorneyNumber: m.powerOfAttorneyNumber ?? '',
                powerOfAttorneyValidUntil: m.powerOfAttorneyValidUntil ?? '',
                phone: m.phone && m.phone !== data.bmgPhone ? m.phone : '',
              }}
            />
          ) : null}
        </Section>
      ) : null}

      {identified && m.ownerKind ? (
        <>
          <Section id="machine" n={4} title={t('sectionMachine')} done={m.serialNumber ? t('done') : null}>
            {m.serialNumber ? (
              <DescriptionList
                className="mb-4"
                items={[
                  { term: t('machineKind'), value: m.machineKind ? t(`kinds.${m.machineKind}` as never) : '—' },
                  { term: t('make'), value: `${m.make ?? ''} ${m.model ?? ''}` },
                  { term: t('year'), value: m.year ?? '—' },
                  { term: t('serialNumber'), value: <span className="font-mono">{m.serialNumber}</span> },
                  ...(m.engineNumber ? [{ term: t('engineNumber'), value: m.engineNumber }] : []),
                  ...(m.bodyNumber ? [{ term: t('bodyNumber'), value: m.bodyNumber }] : []),
                ]}
              />
            ) : null}
            {open ? (
              <MachineForm
                id={app.id}
                version={app.version}
                registered={needsRegisteredMachine(m.action)}
                kinds={machineryKinds}
                defaults={{
                  lookup: m.registerId ?? '',
                  kind: m.machineKind ?? '',
                  make: m.make ?? '',
                  model: m.model ?? '',
                  year: m.year ? String(m.year) : '',
                  serialNumber: m.serialNumber ?? '',
                  engineNumber: m.engineNumber ?? '',
                  bodyNumber: m.bodyNumber ?? '',
                }}
              />
            ) : null}
          </Section>

          <Section id="checklist" n={5} title={t('sectionChecklist')} done={completeness?.complete ? t('done') : null}>
            {open ? (
              <div className="flex flex-col gap-4">
                <ChecklistForm id={app.id} version={app.version} items={applicable} ticked={m.checklistTicks} />
                {completeness && !completeness.complete ? (
                  <Notice tone="warning" title={t('incompleteTitle')}>
                    <ul className="list-disc pl-6">
                      {completeness.missing.map((c) => (
                        <li key={c}>{itemName(c)}</li>
                      ))}
                    </ul>
                    <p className="mt-2">{t('incompleteText')}</p>
                    <div className="mt-3">
                      <RefuseIncompleteForm id={app.id} version={app.version} />
                    </div>
                  </Notice>
                ) : null}
              </div>
            ) : (
              <ul className="list-disc pl-6">
                {m.checklistTicks.map((c) => (
                  <li key={c}>{itemName(c)}</li>
                ))}
              </ul>
            )}
          </Section>

          <Section id="fees" n={6} title={t('sectionFees')} done={m.feeCheck?.status === 'paid' ? t('done') : null}>
            <div className="flex flex-col gap-4">
              {data.required.length === 0 ? <p>{t('noFees')}</p> : null}
              {m.feeCheck ? (
                <DescriptionList
                  items={[
                    { term: t('feeStatus'), value: t(`feeStatuses.${m.feeCheck.status}` as never) },
                    { term: t('feeRequired'), value: money(m.feeCheck.requiredTiyn) },
                    { term: t('feePaid'), value: money(m.feeCheck.paidTiyn) },
                    { term: t('feeCheckedAt'), value: formatDateTime(m.feeCheck.checkedAt, locale) },
                  ]}
                />
              ) : null}
              {m.feeCheck && m.feeCheck.status !== 'paid' ? (
                <Notice tone="warning" title={t('toPayTitle')}>
                  <ul className="list-disc pl-6">
                    {(data.lines ?? data.required.map((r) => ({ ...r, paidTiyn: 0 })))
                      .filter((l) => l.paidTiyn < l.requiredTiyn)
                      .map((l) => (
                        <li key={l.code}>
                          {locale === 'kk' ? l.nameKk : l.nameRu}: {money(l.requiredTiyn - l.paidTiyn)}
                        </li>
                      ))}
                  </ul>
                  <p className="mt-2">{t('whereToPay')}</p>
                  <p className="mt-2">{t('resumeLater')}</p>
                </Notice>
              ) : null}
              {open ? <CheckFeesForm id={app.id} version={app.version} again={!!m.feeCheck} /> : null}
            </div>
          </Section>

          <Section
            id="scans"
            n={7}
            title={t('sectionScans')}
            done={m.checklistTicks.length && !data.blockers.includes('scans') ? t('done') : null}
          >
            {m.checklistTicks.length === 0 ? <p>{t('scansAfterChecklist')}</p> : null}
            <ul className="flex flex-col gap-6">
              {m.checklistTicks.map((code) => {
                const scans = data.scans.filter((s) => s.itemCode === code);
                return (
                  <li key={code} className="flex flex-col gap-2">
                    <p className="font-semibold">{itemName(code)}</p>
                    {scans.length ? (
                      <ul className="flex flex-col gap-1">
                        {scans.map((s, i) => (
                          <li key={s.id} className="flex flex-wrap items-center gap-3">
                            <a href={`/api/files/${s.fileId}`} className="underline" target="_blank" rel="noreferrer">
                              {t('scanN', { n: i + 1 })}
                            </a>
                            <span className="font-mono text-xs text-ink-muted">SHA-256 {s.sha256.slice(0, 16)}…</span>
                            {open ? (
                              <RemoveScanForm
                                id={app.id}
                                version={app.version}
                                scanId={s.id}
                                label={t('removeScan', { item: itemName(code), n: i + 1 })}
                              />
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="text-ink-muted">{t('noScan')}</p>
                    )}
                    {open ? <ScanForm id={app.id} version={app.version} itemCode={code} itemName={itemName(code)} /> : null}
                  </li>
                );
              })}
            </ul>
          </Section>

          {open ? (
            <Section id="sign" n={8} title={t('sectionSign')} done={null}>
              {document ? (
                <div className="flex flex-col gap-4">
                  <p className="text-ink-muted">{t('signLead')}</p>
                  <SignDialog
                    document={document}
                    signer={{ iin: actor.iin }}
                    action={signAndSubmitAction}
                    fields={{ id: app.id, version: String(app.version), locale }}
                    summary={[
                      { term: t('summaryNumber'), value: app.number },
                      { term: t('summaryAction'), value: tm(`action.${m.action}` as never) },
                      { term: t('summaryApplicant'), value: fullName ?? '—' },
                      { term: t('summaryMachine'), value: `${m.make ?? ''} ${m.model ?? ''} · ${m.serialNumber ?? ''}` },
                      { term: t('summaryDocuments'), value: m.checklistTicks.map(itemName).join('; ') },
                      { term: t('summaryScans'), value: String(data.scans.length) },
                    ]}
                    title={t('signTitle')}
                    openLabel={t('signButton')}
                  />
                </div>
              ) : (
                <>
                  <p>{t('notReady')}</p>
                  <ul className="list-disc pl-6">
                    {data.blockers.map((b) => (
                      <li key={b}>{t(`blockers.${b}` as never)}</li>
                    ))}
                  </ul>
                </>
              )}
            </Section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
