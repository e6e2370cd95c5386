// Issue 14 on the demo seed: a revoked certificate ends the sessions it opened; an admin disables an account (its
// sessions end, it cannot sign in) and enables it again; Auth.js's sign-out ends the database row; an officer who is
// also a citizen cannot decide their own application, nor a close relative's (ZAGS), and ZAGS down refuses the
// decision; a citizen can pick only an open registration point or CON of a pilot region.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { idCardApplications } from '@/db/schema/id-card';
import { authSessions, userRoles, users } from '@/db/schema/people';
import { pilotSettings, registrationPoints, serviceCentres } from '@/db/schema/reference';
import { births, marriages } from '@/db/schema/registry';
import { revokedCertificates } from '@/db/schema/signatures';
import { AKIMAT, CON, PERSONA, STAFF } from '@/db/seed/personas-ids';
import { setUserDisabled } from '@/lib/admin/users-service';
import type { Actor, Grant } from '@/lib/auth/actor';
import { actorOfSession } from '@/lib/auth/session';
import { endSessionOfToken, endSessionsOfCertificate, startSession } from '@/lib/auth/sign-in';
import { saveForm } from '@/lib/id-card/citizen-service';
import { annul, approve } from '@/lib/id-card/review-service';
import { applicantView } from '@/lib/id-card/load';
import { issue as issueMachinery } from '@/lib/machinery/issuance-service';
import { approve as approveMachinery } from '@/lib/machinery/review-service';
import { loadInScope } from '@/lib/applications/scope';
import { selectableCentre, selectablePoint, selectablePoints } from '@/lib/reference/pickup';
import { clearFaults, getRegistries, setFault } from '@/lib/registries';
import { seededDatabase } from '@/tests/support/db';
import { actorFor, makeUser, uniqueIin } from '@/tests/support/factories';
import { decidedMachinery } from '@/tests/support/machinery-archive';
import { startWithConsent } from '@/tests/support/id-card';

// Auth.js reads its secret when lib/auth/config.ts loads (imported through lib/auth/session.ts).
vi.hoisted(() => {
  process.env.AUTH_SECRET ??= 'test-auth-secret-0123456789-0123456789';
});

let database: Awaited<ReturnType<typeof seededDatabase>>;

const ctx = (actor: Actor, grant: Grant) => ({ db: database.db, registries: getRegistries(database.db), actor, grant });

async function userIdOf(iin: string) {
  const [u] = await database.db.select({ id: users.id }).from(users).where(eq(users.iin, iin));
  return u!.id;
}

/** An ID-card application under review in `regionCode`, with `applicantIin` as its applicant. */
async function underReview(applicantIin: string, regionCode: string, tag: string) {
  const [app] = await database.db
    .insert(applications)
    .values({ number: `ID-SE-${tag}-${Date.now()}`, pilot: 'id_card', status: 'under_review', applicantIin, regionCode })
    .returning();
  await database.db.insert(idCardApplications).values({
    applicationId: app!.id,
    iin: applicantIin,
    consentId: 'c',
    currentCardNumber: '000000001',
    currentCardIssuedOn: '2016-01-01',
    currentCardExpiresOn: '2026-12-20',
  });
  return app!;
}

async function denials(applicationId: string) {
  return database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'separation.denied'), eq(auditEvents.applicationId, applicationId)));
}

beforeAll(async () => {
  database = await seededDatabase();
}, 180_000);
afterAll(async () => {
  await database.drop();
});

describe('sessions', () => {
  it('revoking the certificate that opened a session ends it: the next lookup signs the person out', async () => {
    const userId = await userIdOf(PERSONA.citizenAigerim);
    const serial = 'ab12cd34ef56';
    const eds = await startSession(userId, 'eds', null, { certificate: serial.toUpperCase() });
    const demo = await startSession(userId, 'demo', null);
    expect(await actorOfSession(eds!.sessionId)).toMatchObject({ userId });
    const ended = await database.db.transaction((tx) => endSessionsOfCertificate(tx, serial));
    expect(ended).toBe(1);
    expect(await actorOfSession(eds!.sessionId)).toBeNull();
    // Another session of the person, opened otherwise, is not this certificate's.
    expect(await actorOfSession(demo!.sessionId)).toMatchObject({ userId });
    const [row] = await database.db.select().from(authSessions).where(eq(authSessions.id, eds!.sessionId));
    expect(row).toMatchObject({ endReason: 'certificate_revoked' });
  });

  it('a revocation written straight into the CRL table (a CRL job) signs the session out too', async () => {
    const userId = await userIdOf(PERSONA.citizenAigerim);
    const serial = 'fe98dc76ba54';
    const eds = await startSession(userId, 'eds', null, { certificate: serial });
    expect(await actorOfSession(eds!.sessionId)).not.toBeNull();
    await database.db.insert(revokedCertificates).values({ serial, reason: 'keyCompromise' });
    expect(await actorOfSession(eds!.sessionId)).toBeNull();
    const [row] = await database.db.select().from(authSessions).where(eq(authSessions.id, eds!.sessionId));
    expect(row!.endedAt).not.toBeNull();
  });

  it('Auth.js sign-out (its events.signOut) ends the database row the token names', async () => {
    const userId = await userIdOf(PERSONA.citizenAigerim);
    const s = await startSession(userId, 'demo', null);
    await endSessionOfToken({ sid: s!.sessionId });
    expect(await actorOfSession(s!.sessionId)).toBeNull();
    const [row] = await database.db.select().from(authSessions).where(eq(authSessions.id, s!.sessionId));
    expect(row).toMatchObject({ endReason: 'signed_out' });
    await expect(endSessionOfToken({ sid: 'not-a-session' })).resolves.toBeUndefined();
  });

  it('Auth.js’s own /api/auth/signout route ends the database row, not only the cookie', async () => {
    const [{ handlers }, { encode }, { NextRequest }] = await Promise.all([
      import('@/lib/auth/config'),
      import('next-auth/jwt'),
      import('next/server'),
    ]);
    const userId = await userIdOf(PERSONA.citizenAigerim);
    const s = await startSession(userId, 'demo', null);
    const base = 'http://localhost:3000/api/auth';
    const csrf = await handlers.GET(new NextRequest(`${base}/csrf`));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .find((c) => c.startsWith('qyzmet.csrf='))!
      .split(';')[0];
    const session = await encode({ token: { sid: s!.sessionId }, secret: process.env.AUTH_SECRET!, salt: 'qyzmet.session' });
    const res = await handlers.POST(
      new NextRequest(`${base}/signout`, {
        method: 'POST',
        headers: { cookie: `${csrfCookie}; qyzmet.session=${session}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrfToken }),
      }),
    );
    expect(res.status).toBeLessThan(400);
    const [row] = await database.db.select().from(authSessions).where(eq(authSessions.id, s!.sessionId));
    expect(row).toMatchObject({ endReason: 'signed_out' });
    expect(row!.endedAt).not.toBeNull();
  });

  it('an admin disables an account: all its sessions end, it cannot sign in, audited; enabling lets it back in', async () => {
    const admin = await actorFor(database.db, STAFF.admin);
    const grant = admin.grants.find((g) => g.role === 'admin')!;
    const userId = await userIdOf(STAFF.umsKostanay);
    const a = await startSession(userId, 'demo', null);
    const b = await startSession(userId, 'eds', null, { certificate: '0011aa' });
    const result = await setUserDisabled(database.db, admin, grant, { userId, disabled: true });
    expect(result).toEqual({ changed: true, sessionsEnded: 2 });
    expect(await actorOfSession(a!.sessionId)).toBeNull();
    expect(await actorOfSession(b!.sessionId)).toBeNull();
    expect(await startSession(userId, 'demo', null)).toBeNull();
    // A double submit changes nothing and is not audited again.
    expect(await setUserDisabled(database.db, admin, grant, { userId, disabled: true })).toEqual({ changed: false, sessionsEnded: 0 });
    const audited = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.disabled'), eq(auditEvents.actorUserId, admin.userId)));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.data).toEqual({ user: userId, sessionsEnded: 2 });
    await setUserDisabled(database.db, admin, grant, { userId, disabled: false });
    expect(await startSession(userId, 'demo', null)).not.toBeNull();
    await expect(setUserDisabled(database.db, admin, grant, { userId: admin.userId, disabled: true })).rejects.toMatchObject({
      code: 'admin_cannot_disable_self',
    });
  });
});

describe('separation of duties', () => {
  let reviewer: Actor;
  let reviewGrant: Grant;
  beforeAll(async () => {
    // One person holding both a reviewer and a citizen grant.
    const id = await userIdOf(STAFF.umsAstana);
    await database.db.insert(userRoles).values({ userId: id, role: 'citizen' }).onConflictDoNothing();
    reviewer = await actorFor(database.db, STAFF.umsAstana);
    reviewGrant = reviewer.grants.find((g) => g.role === 'ums_reviewer')!;
    expect(reviewer.grants.map((g) => g.role).sort()).toEqual(['citizen', 'ums_reviewer']);
  });

  it('a reviewer who is also a citizen cannot approve or annul their own application (audited, no IIN)', async () => {
    const app = await underReview(reviewer.iin, reviewGrant.regionCode!, 'own');
    // As a citizen it is theirs…
    const citizenGrant = reviewer.grants.find((g) => g.role === 'citizen')!;
    await expect(loadInScope({ db: database.db, actor: reviewer, grant: citizenGrant }, applicantView, app.id)).resolves.toBeTruthy();
    // …as a reviewer they may not decide it.
    await expect(approve(ctx(reviewer, reviewGrant), { id: app.id, version: app.version, cms: 'x' })).rejects.toMatchObject({
      code: 'separation_own_application',
    });
    await expect(
      annul(ctx(reviewer, reviewGrant), { id: app.id, version: app.version, reason: 'more_checks', comment: 'x' }),
    ).rejects.toMatchObject({ code: 'separation_own_application' });
    const [row] = await database.db.select().from(applications).where(eq(applications.id, app.id));
    expect(row).toMatchObject({ status: 'under_review', version: app.version });
    const audited = await denials(app.id);
    expect(audited).toHaveLength(2);
    expect(audited[0]).toMatchObject({ actorUserId: reviewer.userId, actorRole: 'ums_reviewer', data: { reason: 'own_application' } });
    expect(JSON.stringify(audited.map((a) => a.data))).not.toMatch(/\d{12}/);
  });

  it('nor a child’s, as ZAGS records it', async () => {
    const child = uniqueIin();
    await database.db.insert(births).values({ childIin: child, fatherIin: reviewer.iin, actNumber: 'SE-1', registeredOn: '2001-01-01' });
    const app = await underReview(child, reviewGrant.regionCode!, 'child');
    await expect(
      annul(ctx(reviewer, reviewGrant), { id: app.id, version: app.version, reason: 'more_checks', comment: 'x' }),
    ).rejects.toMatchObject({ code: 'separation_relative' });
    expect((await denials(app.id))[0]).toMatchObject({ data: { reason: 'child', step: 'id_card.annul' } });
    // A stranger's application is decided as before (the check is no blanket refusal).
    const other = await underReview(uniqueIin(), reviewGrant.regionCode!, 'stranger');
    await expect(
      annul(ctx(reviewer, reviewGrant), { id: other.id, version: other.version, reason: 'more_checks', comment: 'x' }),
    ).resolves.toMatchObject({ status: 'annulled' });
  });

  it('ZAGS not answering: the decision is refused with "try later" (fail closed)', async () => {
    const app = await underReview(uniqueIin(), reviewGrant.regionCode!, 'zags');
    await setFault(database.db, 'zags', { latencyMs: 0, errorRate: 0, outageSince: new Date(Date.now() - 60_000) });
    try {
      await expect(
        annul(ctx(reviewer, reviewGrant), { id: app.id, version: app.version, reason: 'more_checks', comment: 'x' }),
      ).rejects.toMatchObject({ code: 'separation_check_unavailable' });
    } finally {
      await clearFaults(database.db);
    }
    expect((await denials(app.id))[0]).toMatchObject({ data: { reason: 'zags_unavailable' } });
  });
});

describe('separation of duties in the machinery pilot', () => {
  it('the CON desk cannot hand over its own machinery, nor a spouse’s; the akimat cannot approve its own', async () => {
    const desk = await makeUser(database.db, 'con_issuance', { serviceCentreId: CON.almaty1 });
    const own = await decidedMachinery(database.db, { akimatId: AKIMAT.almatyBostandyq, serviceCentreId: CON.almaty1, ownerIin: desk.iin });
    const input = { documentNumber: '000000001', documentSerial: 'kz 1234567', plateSerial: '000123456' };
    await expect(issueMachinery(ctx(desk, desk.grants[0]!), { id: own.id, version: own.version, ...input })).rejects.toMatchObject({
      code: 'separation_own_application',
    });
    const spouse = uniqueIin();
    await database.db.insert(marriages).values({ spouse1Iin: spouse, spouse2Iin: desk.iin, actNumber: 'SE-M', registeredOn: '2015-05-05' });
    const wife = await decidedMachinery(database.db, { akimatId: AKIMAT.almatyBostandyq, serviceCentreId: CON.almaty1, ownerIin: spouse });
    await expect(issueMachinery(ctx(desk, desk.grants[0]!), { id: wife.id, version: wife.version, ...input })).rejects.toMatchObject({
      code: 'separation_relative',
    });
    expect((await denials(wife.id))[0]).toMatchObject({ data: { reason: 'spouse', step: 'machinery.issue' } });
    expect((await database.db.select().from(applications).where(eq(applications.id, wife.id)))[0]!.status).toBe('approved');

    const reviewer = await makeUser(database.db, 'akimat_reviewer', { akimatId: AKIMAT.almatyBostandyq });
    const pending = await decidedMachinery(database.db, {
      akimatId: AKIMAT.almatyBostandyq,
      serviceCentreId: CON.almaty1,
      status: 'under_review',
      ownerIin: reviewer.iin,
    });
    await expect(
      approveMachinery(ctx(reviewer, reviewer.grants[0]!), { id: pending.id, version: pending.version, cms: 'x' }),
    ).rejects.toMatchObject({ code: 'separation_own_application' });
  });
});

describe('registration points a citizen may pick', () => {
  it('ID card: posting an inactive point, or one outside the pilot’s regions, is refused by the server', async () => {
    const citizen = await actorFor(database.db, PERSONA.citizenAigerim);
    const c = ctx(
      citizen,
      citizen.grants.find((g) => g.role === 'citizen')!,
    );
    const { applicationId } = await startWithConsent(c);
    const [draft] = await database.db.select().from(applications).where(eq(applications.id, applicationId));
    const [point] = await database.db
      .insert(registrationPoints)
      .values({
        regionCode: '02',
        nameKk: 'Жабық бөлім',
        nameRu: 'Закрытый пункт',
        addressKk: '—',
        addressRu: '—',
        active: false,
      })
      .returning();
    const post = (registrationPointId: number) =>
      saveForm(c, { id: applicationId, version: draft!.version, registrationPointId, phone: '+77015554433' });
    await expect(post(point!.id)).rejects.toMatchObject({ code: 'id_card_point_unknown' });
    await database.db.update(registrationPoints).set({ active: true }).where(eq(registrationPoints.id, point!.id));
    const [idCard] = await database.db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'id_card'));
    await database.db
      .update(pilotSettings)
      .set({ regionCodes: idCard!.regionCodes.filter((r) => r !== '02') })
      .where(eq(pilotSettings.pilot, 'id_card'));
    try {
      await expect(post(point!.id)).rejects.toMatchObject({ code: 'id_card_point_unknown' });
    } finally {
      await database.db.update(pilotSettings).set({ regionCodes: idCard!.regionCodes }).where(eq(pilotSettings.pilot, 'id_card'));
    }
    await expect(post(point!.id)).resolves.toBeTruthy();
  });

  it('an inactive point, or one outside the pilot’s regions, is refused; the list holds neither', async () => {
    const [open] = await selectablePoints(database.db, 'id_card');
    expect(open).toBeTruthy();
    expect(await selectablePoint(database.db, 'id_card', open!.id)).toMatchObject({ id: open!.id });
    await database.db.update(registrationPoints).set({ active: false }).where(eq(registrationPoints.id, open!.id));
    expect(await selectablePoint(database.db, 'id_card', open!.id)).toBeNull();
    expect((await selectablePoints(database.db, 'id_card')).map((p) => p.id)).not.toContain(open!.id);
    await database.db.update(registrationPoints).set({ active: true }).where(eq(registrationPoints.id, open!.id));
    // Machinery's pilot runs in regions 02 and 10 only: a CON of another region is not offered for it.
    const [elsewhere] = await database.db.select().from(serviceCentres).where(eq(serviceCentres.regionCode, '01'));
    expect(await selectableCentre(database.db, 'machinery', elsewhere!.id)).toBeNull();
    expect(await selectableCentre(database.db, 'vehicle', elsewhere!.id)).toMatchObject({ id: elsewhere!.id });
    const [vehicle] = await database.db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'vehicle'));
    await database.db
      .update(pilotSettings)
      .set({ regionCodes: vehicle!.regionCodes.filter((r) => r !== '01') })
      .where(eq(pilotSettings.pilot, 'vehicle'));
    try {
      expect(await selectableCentre(database.db, 'vehicle', elsewhere!.id)).toBeNull();
    } finally {
      await database.db.update(pilotSettings).set({ regionCodes: vehicle!.regionCodes }).where(eq(pilotSettings.pilot, 'vehicle'));
    }
  });
});
