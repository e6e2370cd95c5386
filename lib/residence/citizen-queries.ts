import 'server-only';
// The reads of the citizen's residence pages, the Digital documents, the certificate PDF and the public
// verification page: each checks whose application it is (citizen-service.ts `citizenResidence`).
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db as portalDb } from '@/db';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { residenceApplications } from '@/db/schema/residence';
import { signatures } from '@/db/schema/signatures';
import type { Actor } from '@/lib/auth/actor';
import { toLocalDate } from '@/lib/calendar/deadline';
import { isDomainError } from '@/lib/errors';
import { getRegistries, type Registries } from '@/lib/registries';
import { isRegistryUnavailable } from '@/lib/registries/errors';
import type { AddressQuery } from '@/lib/registries/cadastre/port';
import type { Person } from '@/lib/registries/gbd-fl/port';
import { arrivalDefaults, lockedFields } from './arrival-form';
import { astanaPasses } from './astana-types';
import { certificateState, type CertificateState } from './certificate';
import { nextStep, withdrawableStatuses, type NextStep } from './citizen-service-rules';
import { applicationDocumentOf, arrivalFactsOf, checkDwelling, citizenResidence, residenceSettings } from './citizen-service';
import { cascade } from './dwelling';
import { maskedName } from './person';
import type { ResidenceApplication } from './load';
import type { ResidenceState } from './machine';

type Locale = 'kk' | 'ru';

const fullName = (p: Person, locale: Locale) => {
  const n = p.names[locale];
  return [n.surname, n.givenName, n.patronymic].filter(Boolean).join(' ');
};

/** A registry that does not answer leaves the page up, saying so, instead of failing it. */
async function orUnavailable<T>(fn: () => Promise<T>): Promise<{ value: T; unavailable: null } | { value: null; unavailable: string }> {
  try {
    return { value: await fn(), unavailable: null };
  } catch (e) {
    if (isRegistryUnavailable(e)) return { value: null, unavailable: e.system };
    throw e;
  }
}

export const residenceFor = (actor: Actor, id: string) => citizenResidence(portalDb, actor, id);

/** Where the application is and what comes next. */
export function stepOf(app: ResidenceApplication): NextStep {
  return nextStep({
    status: app.status as ResidenceState,
    cadastralNumber: app.residence.cadastralNumber,
    regionCode: app.regionCode,
    astanaPassed: !!app.residence.astana && astanaPasses.includes(app.residence.astana.outcome),
    formSaved: !!app.residence.arrivalForm,
  });
}

/** The application page: the dwelling, each owner's request (masked name, share, status, answered at), the signing document when ready. */
export async function applicationPageOf(actor: Actor, id: string, locale: Locale) {
  const app = await residenceFor(actor, id);
  const registries = getRegistries(portalDb, { applicationId: id });
  const cad = app.residence.cadastralNumber;
  const property = cad ? await orUnavailable(() => registries.cadastre.findProperty(cad)) : null;
  const owners = await orUnavailable(() =>
    Promise.all(app.consents.map(async (c) => ({ ...c, name: maskedName(await registries.gbdFl.findPerson(c.ownerIin), locale) }))),
  );
  const step = stepOf(app);
  const document =
    step === 'sign'
      ? await orUnavailable(() => applicationDocumentOf(registries, app, actor)).catch((e: unknown) =>
          isDomainError(e) ? null : Promise.reject(e),
        )
      : null;
  const [signature] = app.residence.signatureId
    ? await portalDb.select({ verifyCode: signatures.verifyCode }).from(signatures).where(eq(signatures.id, app.residence.signatureId))
    : [];
  const person = app.status === 'registered' ? await orUnavailable(() => registries.gbdFl.findPerson(app.residence.iin)) : null;
  const state: CertificateState | null =
    app.status === 'registered' && cad
      ? certificateState(
          { kind: app.residence.kind, stayUntil: app.residence.stayUntil, cadastralNumber: cad },
          toLocalDate(new Date()),
          person?.value?.permanentAddress?.cadastralNumber ?? null,
        )
      : null;
  return {
    app,
    step,
    property: property?.value ?? null,
    owners: owners.value ?? app.consents.map((c) => ({ ...c, name: '—' })),
    unavailable: property?.unavailable ?? owners.unavailable ?? document?.unavailable ?? null,
    document: document?.value ?? null,
    verifyCode: signature?.verifyCode ?? null,
    certificateState: state,
    mayWithdraw: withdrawableStatuses.includes(app.status as ResidenceState),
  };
}

export type DwellingQuery = AddressQuery & { cadastral?: string };

/**
 * The dwelling page: the regions, the next level of the address cascade, and the preview of the dwelling found
 * (its owners masked with their shares, how many are registered there, and why it cannot be chosen if so).
 */
export async function dwellingPageOf(actor: Actor, id: string, q: Partial<DwellingQuery>, locale: Locale) {
  const app = await residenceFor(actor, id);
  const registries = getRegistries(portalDb, { applicationId: id });
  const settings = await residenceSettings(portalDb);
  const regionCode = q.regionCode && settings.regionCodes.includes(q.regionCode) ? q.regionCode : undefined;
  const query: AddressQuery | null = regionCode
    ? { regionCode, locality: q.locality, street: q.locality ? q.street : undefined, house: q.locality && q.street ? q.house : undefined }
    : null;
  const entries = query ? await orUnavailable(() => registries.cadastre.searchAddresses({ regionCode: query.regionCode })) : null;
  const level = query && entries?.value ? cascade(entries.value, query) : null;
  // The chosen levels' names in both languages (their keys are the Russian names).
  const hit = entries?.value?.find(
    (e) => e.locality.ru === query?.locality && (query?.street === undefined || e.street.ru === query.street),
  );
  const chosenNames = {
    locality: query?.locality !== undefined ? hit?.locality : undefined,
    street: query?.street !== undefined ? hit?.street : undefined,
  };
  const cadastral = q.cadastral ?? level?.done ?? undefined;
  const preview = cadastral ? await orUnavailable(() => previewOf(registries, app, cadastral, locale)) : null;
  return {
    app,
    regionCodes: settings.regionCodes,
    query,
    level,
    chosenNames,
    preview: preview?.value ?? null,
    unavailable: entries?.unavailable ?? preview?.unavailable ?? null,
  };
}

async function previewOf(registries: Registries, app: ResidenceApplication, cadastralNumber: string, locale: Locale) {
  const property = await registries.cadastre.findProperty(cadastralNumber);
  if (!property) return { found: false as const, cadastralNumber };
  const [owners, registeredCount] = await Promise.all([
    Promise.all(
      property.owners.map(async (o) => ({
        ...o,
        you: o.iin === app.residence.iin,
        name: maskedName(await registries.gbdFl.findPerson(o.iin), locale),
      })),
    ),
    registries.gbdFl.countRegisteredAt(property.cadastralNumber),
  ]);
  let problem: string | null = null;
  try {
    await checkDwelling(registries, { iin: app.residence.iin, kind: app.residence.kind }, cadastralNumber);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    problem = e.code;
  }
  return { found: true as const, property, owners, registeredCount, problem };
}

/** The arrival form page: GBD FL's facts (names and birth date shown, not asked), the defaults and the locked fields. */
export async function arrivalPageOf(actor: Actor, id: string) {
  const app = await residenceFor(actor, id);
  const registries = getRegistries(portalDb, { applicationId: id });
  const facts = await orUnavailable(() => arrivalFactsOf(registries, app.residence.iin, app.residence.applicantLocale));
  if (!facts.value) return { app, unavailable: facts.unavailable, facts: null, defaults: {}, locked: [] as string[] };
  return {
    app,
    unavailable: null,
    facts: facts.value,
    defaults: arrivalDefaults(app.residence.arrivalForm ?? null, facts.value),
    locked: lockedFields(facts.value) as string[],
  };
}

/** The name as GBD FL has it, in full (the applicant's own pages and their certificate). */
export const fullNameOf = fullName;

export type ResidenceDocument = {
  id: string;
  number: string;
  certificateNumber: string;
  kind: 'permanent' | 'temporary';
  cadastralNumber: string;
  addressKk: string;
  addressRu: string;
  registeredAt: Date;
  stayFrom: string | null;
  stayUntil: string | null;
  state: CertificateState;
  verifyCode: string | null;
};

/** Digital documents: the person's address certificates, each in force or ended today. */
export async function residenceDocumentsFor(iin: string, ids: readonly string[], db: DbOrTx = portalDb): Promise<ResidenceDocument[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({
      id: applications.id,
      number: applications.number,
      r: residenceApplications,
      verifyCode: signatures.verifyCode,
    })
    .from(applications)
    .innerJoin(residenceApplications, eq(residenceApplications.applicationId, applications.id))
    .leftJoin(signatures, eq(signatures.id, residenceApplications.signatureId))
    .where(and(inArray(applications.id, [...ids]), eq(residenceApplications.iin, iin), eq(applications.status, 'registered')))
    .orderBy(asc(residenceApplications.registeredAt));
  if (!rows.length) return [];
  const registries = getRegistries(db);
  const [person, ...properties] = await Promise.all([
    registries.gbdFl.findPerson(iin),
    ...rows.map((r) => registries.cadastre.findProperty(r.r.cadastralNumber!)),
  ]);
  const today = toLocalDate(new Date());
  return rows.map((r, i) => ({
    id: r.id,
    number: r.number,
    certificateNumber: r.r.certificateNumber!,
    kind: r.r.kind,
    cadastralNumber: r.r.cadastralNumber!,
    addressKk: properties[i]?.addressKk ?? r.r.cadastralNumber!,
    addressRu: properties[i]?.addressRu ?? r.r.cadastralNumber!,
    registeredAt: r.r.registeredAt!,
    stayFrom: r.r.stayFrom,
    stayUntil: r.r.stayUntil,
    state: certificateState(
      { kind: r.r.kind, stayUntil: r.r.stayUntil, cadastralNumber: r.r.cadastralNumber! },
      today,
      person?.permanentAddress?.cadastralNumber ?? null,
    ),
    verifyCode: r.verifyCode,
  }));
}

/** The certificate PDF (app/api/residence/[id]/certificate): the applicant's own, registered application only. */
export async function certificateFor(actor: Actor, id: string) {
  const app = await residenceFor(actor, id);
  if (app.status !== 'registered') return null;
  const [doc] = await residenceDocumentsFor(actor.iin, [app.id]);
  const person = await getRegistries(portalDb, { applicationId: id }).gbdFl.findPerson(actor.iin);
  if (!doc || !person) return null;
  return { app, doc, person };
}

/**
 * The public verification page: the address certificate behind an application number, when the code is the one of
 * its applicant's signature. Only what the paper shows anyway: the masked holder, the address, the kind and period,
 * and whether it is in force today.
 */
export async function certificateForVerify(number: string, code: string, locale: Locale) {
  const [row] = await portalDb
    .select({ id: applications.id, r: residenceApplications, verifyCode: signatures.verifyCode })
    .from(applications)
    .innerJoin(residenceApplications, eq(residenceApplications.applicationId, applications.id))
    .innerJoin(signatures, eq(signatures.id, residenceApplications.signatureId))
    .where(and(eq(applications.number, number), eq(applications.pilot, 'residence'), eq(applications.status, 'registered')));
  if (!row || row.verifyCode !== code) return null;
  const [doc] = await residenceDocumentsFor(row.r.iin, [row.id]);
  const person = await getRegistries(portalDb).gbdFl.findPerson(row.r.iin);
  if (!doc) return null;
  return { ...doc, holder: maskedName(person, locale) };
}
