import 'server-only';
import { and, asc, eq, gt, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { pilotSettings } from '@/db/schema/reference';
import { residenceApplications, residenceConsents } from '@/db/schema/residence';
import { transition } from '@/lib/applications/core';
import { notify } from '@/lib/outbox';
import type { Registries } from '@/lib/registries';
import { cancelOpenRequests, closeResidence, lockApplication } from './consent-close';
import { ownerNames } from './consent-document';
import { consentTiming, expiryDue, hoursLeft, reminderDue } from './consent-rules';
import { residenceMachine as machine } from './machine';

const BATCH = 200;

/**
 * The minute sweep of the owners' requests (SPEC §6): once, `consentReminderHours` before its end, the owner is
 * reminded (SMS + cabinet); at `expiresAt` an unanswered request expires and with it the application
 * (`consent_expired`, by the system), and the applicant is told. Requests left open on an application that ended
 * otherwise (withdrawn) are cancelled. Settings are read on every run, so an admin's change applies at once.
 */
export async function sweepConsents(db: Db, registries: Pick<Registries, 'gbdFl'>, now = new Date()) {
  const [settings] = await db.select({ params: pilotSettings.params }).from(pilotSettings).where(eq(pilotSettings.pilot, 'residence'));
  const timing = consentTiming(settings?.params);
  let expired = 0;
  let reminded = 0;
  let cancelled = 0;

  const due = await db
    .selectDistinct({ applicationId: residenceConsents.applicationId })
    .from(residenceConsents)
    .where(and(eq(residenceConsents.status, 'requested'), lte(residenceConsents.expiresAt, now)))
    .limit(BATCH);
  for (const { applicationId } of due) if (await expireApplication(db, registries, applicationId, now)) expired++;

  // Requests still open on an application that no longer waits for them (the applicant withdrew it).
  const orphans = await db
    .selectDistinct({ applicationId: residenceConsents.applicationId, number: applications.number })
    .from(residenceConsents)
    .innerJoin(applications, eq(applications.id, residenceConsents.applicationId))
    .where(and(eq(residenceConsents.status, 'requested'), ne(applications.status, 'awaiting_owner_consent')))
    .limit(BATCH);
  for (const o of orphans)
    cancelled += await db.transaction(async (tx) => {
      const app = await lockApplication(tx, o.applicationId);
      if (!app || app.status === 'awaiting_owner_consent') return 0;
      return (await cancelOpenRequests(tx, o.applicationId, o.number)).length;
    });

  const soon = await db
    .select({
      id: residenceConsents.id,
      applicationId: residenceConsents.applicationId,
      ownerIin: residenceConsents.ownerIin,
      status: residenceConsents.status,
      requestedAt: residenceConsents.requestedAt,
      expiresAt: residenceConsents.expiresAt,
      remindedAt: residenceConsents.remindedAt,
      number: applications.number,
    })
    .from(residenceConsents)
    .innerJoin(applications, eq(applications.id, residenceConsents.applicationId))
    .where(
      and(
        eq(residenceConsents.status, 'requested'),
        isNull(residenceConsents.remindedAt),
        gt(residenceConsents.expiresAt, now),
        lte(residenceConsents.expiresAt, new Date(now.getTime() + timing.reminderHours * 3_600_000)),
        eq(applications.status, 'awaiting_owner_consent'),
      ),
    )
    .orderBy(asc(residenceConsents.expiresAt))
    .limit(BATCH);
  for (const c of soon) {
    if (!reminderDue(c, now, timing.reminderHours)) continue;
    // Claimed by the update: two sweeps at once (or a retry) remind once.
    const sent = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(residenceConsents)
        .set({ remindedAt: now })
        .where(and(eq(residenceConsents.id, c.id), eq(residenceConsents.status, 'requested'), isNull(residenceConsents.remindedAt)))
        .returning({ id: residenceConsents.id });
      if (!claimed) return false;
      await notify(tx, `residence:consent:${c.id}:reminder`, {
        recipientIin: c.ownerIin,
        applicationId: c.applicationId,
        kind: 'residence_consent_reminder',
        sms: true,
        params: { number: c.number, hours: hoursLeft(c.expiresAt, now), consentId: c.id },
      });
      return true;
    });
    if (sent) reminded++;
  }
  return { expired, reminded, cancelled };
}

/**
 * One application whose request ran out: under its row lock, the requests past their end expire, any other open
 * one is cancelled, and the application expires (`consent_expired`) with the applicant told whose answer is missing.
 * False when an owner answered first or the application had already ended (then its requests are only closed).
 */
async function expireApplication(db: Db, registries: Pick<Registries, 'gbdFl'>, applicationId: string, now: Date) {
  const [r] = await db
    .select({ iin: residenceApplications.iin, locale: residenceApplications.applicantLocale })
    .from(residenceApplications)
    .where(eq(residenceApplications.applicationId, applicationId));
  const open = await db
    .select({
      id: residenceConsents.id,
      ownerIin: residenceConsents.ownerIin,
      status: residenceConsents.status,
      expiresAt: residenceConsents.expiresAt,
    })
    .from(residenceConsents)
    .where(and(eq(residenceConsents.applicationId, applicationId), eq(residenceConsents.status, 'requested')));
  const ranOut = open.filter((c) => expiryDue(c, now)).map((c) => c.id);
  if (!r || !ranOut.length) return false;
  const names = await ownerNames(
    registries,
    open.map((c) => c.ownerIin),
    r.locale,
  );
  return db.transaction(async (tx) => {
    const app = await lockApplication(tx, applicationId);
    if (!app) return false;
    const ran = await tx
      .update(residenceConsents)
      .set({ status: 'expired' })
      .where(and(inArray(residenceConsents.id, ranOut), eq(residenceConsents.status, 'requested')))
      .returning({ id: residenceConsents.id, ownerIin: residenceConsents.ownerIin });
    if (!ran.length) return false; // answered meanwhile
    await cancelOpenRequests(tx, applicationId, app.number);
    if (app.status !== 'awaiting_owner_consent') return false;
    const owners = ran.map((c) => names[c.ownerIin] ?? '—').join(', ');
    await transition(tx, {
      id: applicationId,
      expectedVersion: app.version,
      machine,
      event: 'consent_expired',
      actor: null,
      grant: null,
      set: { decidedAt: now },
      data: { owner: owners },
    });
    await closeResidence(tx, applicationId, 'consent_expired', { owners }, now);
    await notify(tx, `residence:${applicationId}:consent_expired`, {
      recipientIin: r.iin,
      applicationId,
      kind: 'residence_consent_expired',
      sms: true,
      locale: r.locale,
      params: { number: app.number, owners },
    });
    return true;
  });
}
