import 'server-only';
import { createTranslator } from 'use-intl/core';
import { formatDate } from '@/lib/format';
import { maskIin } from '@/lib/kz/iin';
import type { Registries } from '@/lib/registries';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import { consentDocument, fullName, shareLabel } from './consent-rules';
import { maskName } from './person';
import type { ConsentCase } from './consent-scope';

type Locale = 'kk' | 'ru';
const messages = { kk, ru } as const;

/**
 * Who asks and for what, in the owner's language, from GBD FL and the cadastre: what the owner's page shows and
 * what the owner's EDS signs. The page and the service build it the same way, so the signed bytes match.
 */
export async function consentDetails(registries: Pick<Registries, 'gbdFl' | 'cadastre'>, c: ConsentCase, locale: Locale) {
  const r = c.residence;
  const [applicant, owner, property] = await Promise.all([
    registries.gbdFl.findPerson(r.iin),
    registries.gbdFl.findPerson(c.consent.ownerIin),
    r.cadastralNumber ? registries.cadastre.findProperty(r.cadastralNumber) : Promise.resolve(null),
  ]);
  const address = property ? (locale === 'kk' ? property.addressKk : property.addressRu) : '—';
  const applicantFull = fullName(applicant?.names[locale]);
  const details = {
    applicantFull,
    applicantMasked: maskName(applicant?.names[locale]),
    applicantIin: maskIin(r.iin),
    ownerFull: fullName(owner?.names[locale]),
    ownerMasked: maskName(owner?.names[locale]),
    address,
    cadastralNumber: r.cadastralNumber ?? '—',
    share: shareLabel(c.consent.shareMilli),
    service: r.kind,
    stayFrom: r.stayFrom,
    stayUntil: r.stayUntil,
  };
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'ResidenceConsent.statement' });
  const params = {
    owner: details.ownerFull,
    ownerIin: c.consent.ownerIin,
    share: details.share,
    address,
    cadastral: details.cadastralNumber,
    applicant: `${applicantFull} (${details.applicantIin})`,
    from: r.stayFrom ? formatDate(r.stayFrom, locale) : '',
    until: r.stayUntil ? formatDate(r.stayUntil, locale) : '',
  };
  const statement = r.kind === 'temporary' ? t('temporary', params) : t('permanent', params);
  const document = consentDocument({
    number: c.app.number,
    consentId: c.consent.id,
    ownerIin: c.consent.ownerIin,
    applicant: params.applicant,
    cadastralNumber: details.cadastralNumber,
    address,
    shareMilli: c.consent.shareMilli,
    service: r.kind,
    stayFrom: r.stayFrom,
    stayUntil: r.stayUntil,
    locale,
    statement,
  });
  return { ...details, statement, document };
}
export type ConsentDetails = Awaited<ReturnType<typeof consentDetails>>;

/** The masked names of an application's owners (the applicant's consent list, the timeline, the applicant's SMS). */
export async function ownerNames(registries: Pick<Registries, 'gbdFl'>, iins: readonly string[], locale: Locale) {
  const people = await Promise.all([...new Set(iins)].map(async (iin) => [iin, await registries.gbdFl.findPerson(iin)] as const));
  return Object.fromEntries(people.map(([iin, p]) => [iin, maskName(p?.names[locale])])) as Record<string, string>;
}
