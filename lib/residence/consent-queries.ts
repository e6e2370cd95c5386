import 'server-only';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import { db } from '@/db';
import { applications } from '@/db/schema/applications';
import { residenceApplications, residenceConsents } from '@/db/schema/residence';
import type { Cursor } from '@/lib/applications/cursor';
import { afterCursor, cursorInstant, keysetOrderBy, keysetPage, withoutCursor } from '@/lib/applications/keyset';
import type { Actor, Grant } from '@/lib/auth/actor';
import { getRegistries } from '@/lib/registries';
import { consentDetails, ownerNames } from './consent-document';
import { shareLabel } from './consent-rules';
import { maskName } from './person';
import { consentInScope } from './consent-scope';

type Locale = 'kk' | 'ru';

const OPEN_LIMIT = 50;

const listColumns = {
  id: residenceConsents.id,
  status: residenceConsents.status,
  shareMilli: residenceConsents.shareMilli,
  requestedAt: residenceConsents.requestedAt,
  expiresAt: residenceConsents.expiresAt,
  answeredAt: residenceConsents.answeredAt,
  number: applications.number,
  kind: residenceApplications.kind,
  applicantIin: residenceApplications.iin,
  cadastralNumber: residenceApplications.cadastralNumber,
};

/**
 * The owner's requests (index owner_iin, status, requested_at): the open ones first, all of them (few, and each
 * waits for an answer), soonest to end first; then the answered and closed ones, newest first, a keyset page at a time.
 */
export async function ownerConsentList(ownerIin: string, locale: Locale, limit = 20, after?: Cursor) {
  const base = () =>
    db
      .select({ ...listColumns, cursorAt: cursorInstant(residenceConsents.requestedAt) })
      .from(residenceConsents)
      .innerJoin(applications, eq(applications.id, residenceConsents.applicationId))
      .innerJoin(residenceApplications, eq(residenceApplications.applicationId, residenceConsents.applicationId));
  const [open, rest] = await Promise.all([
    after
      ? Promise.resolve([])
      : base()
          .where(and(eq(residenceConsents.ownerIin, ownerIin), eq(residenceConsents.status, 'requested')))
          .orderBy(asc(residenceConsents.expiresAt), asc(residenceConsents.id))
          .limit(OPEN_LIMIT),
    base()
      .where(
        and(
          eq(residenceConsents.ownerIin, ownerIin),
          ne(residenceConsents.status, 'requested'),
          afterCursor(residenceConsents.requestedAt, residenceConsents.id, 'desc', after),
        ),
      )
      .orderBy(...keysetOrderBy(residenceConsents.requestedAt, residenceConsents.id, 'desc'))
      .limit(limit + 1),
  ]);
  const { rows: page, next } = keysetPage(rest, limit);
  const registries = getRegistries(db);
  const opened = open.map((r) => withoutCursor(r));
  const rows = [...opened, ...page];
  const [people, places] = await Promise.all([
    Promise.all([...new Set(rows.map((r) => r.applicantIin))].map(async (iin) => [iin, await registries.gbdFl.findPerson(iin)] as const)),
    Promise.all(
      [...new Set(rows.flatMap((r) => (r.cadastralNumber ? [r.cadastralNumber] : [])))].map(
        async (n) => [n, await registries.cadastre.findProperty(n)] as const,
      ),
    ),
  ]);
  const person = new Map(people);
  const place = new Map(places);
  const shown = (r: (typeof rows)[number]) => {
    const p = r.cadastralNumber ? place.get(r.cadastralNumber) : null;
    return {
      ...r,
      applicant: maskName(person.get(r.applicantIin)?.names[locale]),
      address: p ? (locale === 'kk' ? p.addressKk : p.addressRu) : '—',
      share: shareLabel(r.shareMilli),
    };
  };
  return {
    open: opened.map(shown),
    answered: page.map(shown),
    next,
  };
}

/** The cabinet home's block: how many requests wait for this person's answer. */
export async function openConsentCount(ownerIin: string) {
  const [row] = await db
    .select({ n: count() })
    .from(residenceConsents)
    .innerJoin(applications, eq(applications.id, residenceConsents.applicationId))
    .where(
      and(
        eq(residenceConsents.ownerIin, ownerIin),
        eq(residenceConsents.status, 'requested'),
        eq(applications.status, 'awaiting_owner_consent'),
      ),
    );
  return row?.n ?? 0;
}

/** The owner's page of one request: theirs only (anyone else: not_found), with who asks and for what. */
export async function ownerConsentPage(actor: Actor, grant: Grant, consentId: string, locale: Locale) {
  const c = await consentInScope({ db, actor, grant }, consentId);
  const details = await consentDetails(getRegistries(db, { applicationId: c.app.id }), c, locale);
  return { ...c, details };
}

/**
 * For the applicant's application page (components/residence/consent-status.tsx): each owner's masked name in the
 * reader's language, by IIN.
 */
export async function consentOwnerNames(consents: readonly { ownerIin: string }[], locale: Locale) {
  return ownerNames(
    getRegistries(db),
    consents.map((c) => c.ownerIin),
    locale,
  );
}
