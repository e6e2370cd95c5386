// The akimat's side of the machinery pilot (orders 001/004, p.10–15) on the demo seed: the dashboard's scope,
// order, counts, search and pages; approval (register, plate archive, SMS with the CON's address, Digital
// documents) and refusal; racing reviewers and racing plates; deregistration freeing a plate; scope denials.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { roles } from '@/db/schema/people';
import { applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { machineryApplications, machineryPlates, machineryScans } from '@/db/schema/machinery';
import { notifications, outbox, smsMessages } from '@/db/schema/notifications';
import { akimats, serviceCentres } from '@/db/schema/reference';
import { machines } from '@/db/schema/registry';
import { AKIMAT, CON, STAFF } from '@/db/seed/personas-ids';
import { digitalDocumentsFor, machineryDocumentsFor } from '@/lib/applications/digital-documents';
import type { Actor } from '@/lib/auth/actor';
import { loadWorkCalendar } from '@/lib/calendar/work-calendar';
import { mayReadFile } from '@/lib/files/access';
import { akimatDashboard, dashboardCounts } from '@/lib/machinery/dashboard';
import {
  approvalDocumentOf,
  approve,
  decisionFields,
  lookupPlate,
  refusalDocumentOf,
  refuse,
  reviewApplication,
  reviewData,
} from '@/lib/machinery/review-service';
import { deliverOutbox } from '@/lib/outbox/deliver';
import { getRegistries } from '@/lib/registries';
import { seededDatabase } from '@/tests/support/db';
import { actorFor, makeUser } from '@/tests/support/factories';
import { makeMachineryApplication } from '@/tests/support/machinery';
import { trustTestPki } from '@/tests/support/pki';

// The server actions read the session; here it is whoever the test says (the services never read it).
let current: Actor | null = null;
vi.mock('@/lib/auth/session', () => ({ getActor: async () => current }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;
let almatyReviewer: Actor;
let fedorovReviewer: Actor;

const ctx = (actor: Actor) => ({ db: database.db, registries: getRegistries(database.db), actor, grant: actor.grants[0]! });
const person = (a: Actor) => ({ iin: a.iin, surname: a.surname, givenName: a.givenName });
const almaty = { akimatId: AKIMAT.almatyBostandyq, serviceCentreId: CON.almaty1, regionCode: '02' };

/** A local (UTC+5) instant. */
const at = (s: string) => new Date(`${s}+05:00`);

/** Approve as `reviewer`, signing exactly what the service will rebuild. */
async function approveAs(reviewer: Actor, id: string, fields: { plate?: string; passport?: string; issuedOn?: string } = {}) {
  const app = await reviewApplication(database.db, reviewer.grants[0]!, id, reviewer);
  const input = {
    technicalPassport: { number: fields.passport ?? '02TP0123456', issuedOn: fields.issuedOn ?? '2026-11-20' },
    plate: fields.plate ?? null,
  };
  const decided = decisionFields(app, input);
  const cms = await pki.sign(person(reviewer), await approvalDocumentOf(database.db, app, reviewer.iin, decided));
  return approve(ctx(reviewer), { id, version: app.version, cms, ...input });
}

async function refuseAs(
  reviewer: Actor,
  id: string,
  reasonCode = 'documents_inconsistent',
  comment = 'Договор купли-продажи не подписан продавцом',
) {
  const app = await reviewApplication(database.db, reviewer.grants[0]!, id, reviewer);
  const cms = await pki.sign(person(reviewer), await refusalDocumentOf(database.db, app, reviewer.iin, reasonCode, comment.trim()));
  return refuse(ctx(reviewer), { id, version: app.version, cms, reasonCode, comment });
}

const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'ok');

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
  almatyReviewer = await actorFor(database.db, STAFF.akimatBostandyq);
  fedorovReviewer = await actorFor(database.db, STAFF.akimatFedorov);
}, 120_000);
afterAll(async () => {
  await database.drop();
});

describe('the akimat dashboard (p.14)', () => {
  // A fresh akimat of Almaty, so the seeded demo applications do not count; "now" is a fixed Wednesday morning.
  const now = at('2026-12-02T10:00:00');
  let akimatId: number;
  let ids: { overdue: string; dueToday: string; fresh: string; plated: string; other: string };
  let numbers: Record<string, string>;

  beforeAll(async () => {
    const [a] = await database.db
      .insert(akimats)
      .values({ regionCode: '02', nameKk: 'Сынақ әкімдігі', nameRu: 'Тестовый акимат' })
      .returning();
    akimatId = a!.id;
    const scope = { akimatId, serviceCentreId: CON.almaty1, regionCode: '02' };
    const overdue = await makeMachineryApplication(database.db, pki, { ...scope, submittedAt: at('2026-11-30T10:00:00') });
    const dueToday = await makeMachineryApplication(database.db, pki, {
      ...scope,
      submittedAt: at('2026-12-01T11:00:00'),
      machineKind: 'trailer',
    });
    const fresh = await makeMachineryApplication(database.db, pki, { ...scope, submittedAt: at('2026-12-02T09:30:00') });
    const plated = await makeMachineryApplication(database.db, pki, {
      ...scope,
      submittedAt: at('2026-12-02T09:45:00'),
      action: 're_registration',
      currentPlate: 'T 5021 02',
    });
    // The Fedorov district's: never on this dashboard.
    const other = await makeMachineryApplication(database.db, pki, {
      akimatId: AKIMAT.fedorov,
      serviceCentreId: CON.kostanay1,
      submittedAt: at('2026-11-30T09:00:00'),
    });
    ids = { overdue: overdue.id, dueToday: dueToday.id, fresh: fresh.id, plated: plated.id, other: other.id };
    numbers = { overdue: overdue.number, dueToday: dueToday.number, other: other.number };
  });

  it('shows only its akimat’s queue, oldest receipt first with the overdue one first and marked', async () => {
    const calendar = await loadWorkCalendar(database.db);
    const { rows, next } = await akimatDashboard(database.db, calendar, { akimatId, now });
    expect(rows.map((r) => r.id)).toEqual([ids.overdue, ids.dueToday, ids.fresh, ids.plated]);
    expect(rows.map((r) => r.id)).not.toContain(ids.other);
    expect(rows[0]!.clock).toMatchObject({ overdue: true });
    expect(rows[1]!.clock).toMatchObject({ overdue: false, dueToday: true });
    expect(rows[2]!.clock).toMatchObject({ overdue: false, dueToday: false });
    expect(next).toBeNull();
    // Owners' IINs are masked in the list.
    expect(rows[0]!.owner).toMatch(/^•{8}\d{4}$/);
  });

  it('counts new, due today, overdue and decided today', async () => {
    expect(await dashboardCounts(database.db, akimatId, now)).toEqual({ new: 4, overdue: 1, dueToday: 1, decidedToday: 0 });
  });

  it('counts a decision taken today', async () => {
    const before = await dashboardCounts(database.db, akimatId);
    const reviewer = await makeUser(database.db, 'akimat_reviewer', { akimatId });
    await refuseAs(reviewer, ids.fresh);
    const after = await dashboardCounts(database.db, akimatId);
    expect(after.decidedToday).toBe(before.decidedToday + 1);
    expect(after.new).toBe(before.new - 1);
    const calendar = await loadWorkCalendar(database.db);
    const refused = await akimatDashboard(database.db, calendar, { akimatId, now, status: 'refused' });
    expect(refused.rows.map((r) => r.id)).toEqual([ids.fresh]);
    expect(refused.rows[0]!.clock).toBeNull();
  });

  it('filters by kind and action, and finds by application number or plate', async () => {
    const calendar = await loadWorkCalendar(database.db);
    const q = (extra: object) => akimatDashboard(database.db, calendar, { akimatId, now, ...extra }).then((p) => p.rows.map((r) => r.id));
    expect(await q({ machineKind: 'trailer' })).toEqual([ids.dueToday]);
    expect(await q({ action: 're_registration' })).toEqual([ids.plated]);
    expect(await q({ q: numbers.overdue!.toLowerCase() })).toEqual([ids.overdue]);
    expect(await q({ q: 'т502102' })).toEqual([ids.plated]);
    // Another akimat's number is not found here.
    expect(await q({ q: numbers.other })).toEqual([]);
    expect(await q({ status: 'approved' })).toEqual([]);
  });

  it('pages with a keyset cursor, without overlap', async () => {
    const calendar = await loadWorkCalendar(database.db);
    // `fresh` was refused above: three are left in the queue.
    const first = await akimatDashboard(database.db, calendar, { akimatId, now, limit: 2 });
    expect(first.rows.map((r) => r.id)).toEqual([ids.overdue, ids.dueToday]);
    expect(first.next).toBeTruthy();
    const second = await akimatDashboard(database.db, calendar, { akimatId, now, limit: 2, after: first.next! });
    expect(second.rows.map((r) => r.id)).toEqual([ids.plated]);
    expect(second.next).toBeNull();
  });
});

describe('the demo seed (db/seed/machinery-applications.ts)', () => {
  it('gives each reviewer akimat a queue with the overdue one first, and decided ones incl. some for the archive', async () => {
    const calendar = await loadWorkCalendar(database.db);
    for (const akimatId of [AKIMAT.almatyBostandyq, AKIMAT.kostanayRegion, AKIMAT.fedorov]) {
      const { rows } = await akimatDashboard(database.db, calendar, { akimatId });
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(rows[0]!.clock?.overdue).toBe(true);
      const decided = await database.db
        .select({ status: applications.status, decidedAt: applications.decidedAt })
        .from(applications)
        .where(and(eq(applications.akimatId, akimatId), eq(applications.pilot, 'machinery')));
      expect(decided.some((d) => d.status === 'refused')).toBe(true);
      const monthAgo = Date.now() - 31 * 86_400_000;
      expect(decided.some((d) => (d.status === 'approved' || d.status === 'issued') && d.decidedAt!.getTime() < monthAgo)).toBe(true);
    }
  });
});

describe('approval (p.10 (4), p.11, p.12, p.15)', () => {
  it('registers the machine, assigns the plate, sends the SMS in the applicant’s language with the CON, and shows the document to the owner', async () => {
    const made = await makeMachineryApplication(database.db, pki, { ...almaty, applicantLocale: 'ru', phone: '+77051112233' });
    await approveAs(almatyReviewer, made.id, { plate: 't 5002 02', passport: '02tp 0123456' });
    const [app] = await database.db.select().from(applications).where(eq(applications.id, made.id));
    expect(app).toMatchObject({ status: 'approved', version: made.version + 1 });
    const [m] = await database.db.select().from(machineryApplications).where(eq(machineryApplications.applicationId, made.id));
    expect(m).toMatchObject({
      plate: 'T 5002 02',
      technicalPassport: { number: '02TP0123456', issuedOn: '2026-11-20' },
      decidedByUserId: almatyReviewer.userId,
    });
    expect(m!.reviewerSignatureId).toBeTruthy();
    const [machine] = await database.db.select().from(machines).where(eq(machines.serialNumber, made.serial));
    expect(machine).toMatchObject({
      status: 'registered',
      plate: 'T 5002 02',
      ownerIin: made.ownerIin,
      registeredRegionCode: '02',
      documentNumber: '02TP0123456',
    });
    const [plate] = await database.db.select().from(machineryPlates).where(eq(machineryPlates.number, 'T 5002 02'));
    expect(plate).toMatchObject({ status: 'assigned', machineSerial: made.serial, applicationId: made.id });

    await deliverOutbox(database.db);
    const [box] = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `machinery:${made.id}:approved`));
    const [sms] = await database.db.select().from(smsMessages).where(eq(smsMessages.outboxId, box!.id));
    expect(sms).toMatchObject({ phone: '+77051112233', locale: 'ru' });
    expect(sms!.text).toContain(made.number);
    expect(sms!.text).toMatch(/Получите их с \d{2}\.\d{2}\.\d{4} в ЦОН/);
    const [centre] = await database.db.select().from(serviceCentres).where(eq(serviceCentres.id, CON.almaty1));
    expect(sms!.text).toContain(centre!.addressRu);
    expect(sms!.text).toContain(centre!.nameRu);

    const docs = await digitalDocumentsFor(made.ownerIin, database.db);
    expect(docs.map((d) => d.id)).toContain(made.id);
    const [doc] = await machineryDocumentsFor(made.ownerIin, [made.id], database.db);
    expect(doc).toMatchObject({ plate: 'T 5002 02', documentNumber: '02TP0123456' });
    expect(doc!.verifyCode).toMatch(/^[A-Z0-9]{10}$/);
    // The operator who only came to the desk does not get the owner's document.
    expect(await digitalDocumentsFor(made.operator.iin, database.db)).toEqual([]);
  });

  it('refuses a plate of another region and a malformed passport number, before anything is signed', async () => {
    const made = await makeMachineryApplication(database.db, pki, almaty);
    const app = await reviewApplication(database.db, almatyReviewer.grants[0]!, made.id, almatyReviewer);
    expect(() => decisionFields(app, { technicalPassport: { number: '02TP0123456', issuedOn: '2026-11-20' }, plate: 'T 5004 10' })).toThrow(
      expect.objectContaining({ code: 'machinery_plate_wrong_region' }),
    );
    expect(() => decisionFields(app, { technicalPassport: { number: 'abc', issuedOn: '2026-11-20' }, plate: 'T 5004 02' })).toThrow(
      expect.objectContaining({ code: 'machinery_passport_number_invalid' }),
    );
    const cms = await pki.sign(person(almatyReviewer), { anything: true });
    await expect(
      approve(ctx(almatyReviewer), {
        id: made.id,
        version: app.version,
        cms,
        technicalPassport: { number: '02TP0123456', issuedOn: '2026-11-20' },
        plate: 'T 5004 10',
      }),
    ).rejects.toMatchObject({ code: 'machinery_plate_wrong_region' });
    const [row] = await database.db.select().from(applications).where(eq(applications.id, made.id));
    expect(row!.status).toBe('under_review');
  });

  it('rejects a signature over another document', async () => {
    const made = await makeMachineryApplication(database.db, pki, almaty);
    const cms = await pki.sign(person(almatyReviewer), { other: 'document' });
    await expect(
      approve(ctx(almatyReviewer), {
        id: made.id,
        version: made.version,
        cms,
        technicalPassport: { number: '02TP0123456', issuedOn: '2026-11-20' },
        plate: 'T 5005 02',
      }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^signature_/) });
    const [plate] = await database.db.select().from(machineryPlates).where(eq(machineryPlates.number, 'T 5005 02'));
    expect(plate!.status).toBe('free');
  });

  it('deregistration frees the plate in the archive', async () => {
    const made = await makeMachineryApplication(database.db, pki, {
      ...almaty,
      action: 'deregistration',
      currentPlate: 'C 5003 02',
      machineKind: 'self_propelled',
    });
    const data = await reviewData(
      database.db,
      getRegistries(database.db),
      await reviewApplication(database.db, almatyReviewer.grants[0]!, made.id),
    );
    expect(data.machine).toMatchObject({ plate: 'C 5003 02', status: 'registered' });
    expect(data.machinePlate).toMatchObject({ status: 'assigned', machineSerial: made.serial, inRegion: true });
    expect(data.operator).toMatchObject({ validNow: true });
    expect(data.items.some((i) => i.scans.length > 0)).toBe(true);
    await approveAs(almatyReviewer, made.id);
    const [machine] = await database.db.select().from(machines).where(eq(machines.serialNumber, made.serial));
    expect(machine).toMatchObject({ status: 'deregistered', plate: null });
    expect(await lookupPlate(database.db, '02', 'C 5003 02')).toMatchObject({ status: 'free', machineSerial: null });
  });
});

describe('refusal (p.13)', () => {
  it('refuses with a review reason, an SMS in the applicant’s language and a cabinet notification', async () => {
    const made = await makeMachineryApplication(database.db, pki, { ...almaty, applicantLocale: 'kk' });
    await expect(refuseAs(almatyReviewer, made.id, 'package_incomplete')).rejects.toMatchObject({ code: 'machinery_reason_invalid' });
    await refuseAs(almatyReviewer, made.id);
    const [m] = await database.db.select().from(machineryApplications).where(eq(machineryApplications.applicationId, made.id));
    expect(m).toMatchObject({ refusalReasonCode: 'documents_inconsistent', refusalComment: 'Договор купли-продажи не подписан продавцом' });
    const [app] = await database.db.select().from(applications).where(eq(applications.id, made.id));
    expect(app!.status).toBe('refused');
    await deliverOutbox(database.db);
    const [note] = await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.applicationId, made.id), eq(notifications.kind, 'machinery_refused')));
    expect(note!.recipientIin).toBe(made.ownerIin);
    const [sms] = await database.db.select().from(smsMessages).where(eq(smsMessages.outboxId, note!.outboxId!));
    expect(sms!.locale).toBe('kk');
    expect(sms!.text).toContain('уәжді бас тарту');
    expect(await digitalDocumentsFor(made.ownerIin, database.db)).toEqual([]);
  });
});

describe('races and scope', () => {
  it('two reviewers deciding at once: exactly one wins, the other is told who decided', async () => {
    const made = await makeMachineryApplication(database.db, pki, almaty);
    const second = await makeUser(database.db, 'akimat_reviewer', { akimatId: AKIMAT.almatyBostandyq });
    const results = await Promise.allSettled([approveAs(almatyReviewer, made.id, { plate: 'T 5006 02' }), refuseAs(second, made.id)]);
    expect(results.map(codeOf).sort()).toEqual(['machinery_already_decided', 'ok']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason.params.by).toMatch(/\S+ \S+/);
    const [app] = await database.db.select().from(applications).where(eq(applications.id, made.id));
    expect(app!.version).toBe(made.version + 1);
  });

  it('two approvals racing for one plate: exactly one gets it', async () => {
    const a = await makeMachineryApplication(database.db, pki, almaty);
    const b = await makeMachineryApplication(database.db, pki, almaty);
    const results = await Promise.allSettled([
      approveAs(almatyReviewer, a.id, { plate: 'T 5007 02' }),
      approveAs(almatyReviewer, b.id, { plate: 'T 5007 02' }),
    ]);
    expect(results.map(codeOf).sort()).toEqual(['machinery_plate_taken', 'ok']);
    const statuses = await database.db
      .select({ id: applications.id, status: applications.status })
      .from(applications)
      .where(eq(applications.status, 'approved'));
    expect(statuses.filter((s) => s.id === a.id || s.id === b.id)).toHaveLength(1);
    const [plate] = await database.db.select().from(machineryPlates).where(eq(machineryPlates.number, 'T 5007 02'));
    expect([a.serial, b.serial]).toContain(plate!.machineSerial);
  });

  it('the scans are read by the akimat in scope and the application’s CON, by nobody else', async () => {
    const made = await makeMachineryApplication(database.db, pki, almaty);
    const [scan] = await database.db.select().from(machineryScans).where(eq(machineryScans.applicationId, made.id));
    const issuance = await makeUser(database.db, 'con_issuance', { serviceCentreId: CON.almaty1 });
    const otherCon = await makeUser(database.db, 'con_operator', { serviceCentreId: CON.kostanay1 });
    expect(await mayReadFile(database.db, almatyReviewer, scan!.fileId)).toMatchObject({ viewer: 'staff' });
    expect(await mayReadFile(database.db, made.operator, scan!.fileId)).toMatchObject({ viewer: 'staff' });
    expect(await mayReadFile(database.db, issuance, scan!.fileId)).toMatchObject({ viewer: 'staff' });
    expect(await mayReadFile(database.db, fedorovReviewer, scan!.fileId)).toBeNull();
    expect(await mayReadFile(database.db, otherCon, scan!.fileId)).toBeNull();
  });

  it('another akimat’s reviewer gets not_found, and the denial is audited', async () => {
    const made = await makeMachineryApplication(database.db, pki, almaty);
    await expect(reviewApplication(database.db, fedorovReviewer.grants[0]!, made.id, fedorovReviewer)).rejects.toMatchObject({
      code: 'not_found',
    });
    const cms = await pki.sign(person(fedorovReviewer), { any: 1 });
    await expect(approve(ctx(fedorovReviewer), { id: made.id, version: made.version, cms, plate: 'T 5008 02' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const denials = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.applicationId, made.id), eq(auditEvents.action, 'access.denied')));
    expect(denials.length).toBe(2);
    expect(denials[0]!.actorUserId).toBe(fedorovReviewer.userId);
    expect(denials[0]!.subjectIin).toBeNull();
  });
});

// lib/machinery/review-actions.ts is not named actions.ts, so the access matrix (tests/integration/access-matrix.test.ts)
// does not walk it: the same deny-by-default check is made here.
describe('the review server actions', () => {
  it('let only the akimat reviewer through, and validate before anything else', async () => {
    const { approveMachineryAction, refuseMachineryAction } = await import('@/lib/machinery/review-actions');
    const scopes = { akimatId: AKIMAT.almatyBostandyq, serviceCentreId: CON.almaty1, regionCode: '02' };
    for (const action of [approveMachineryAction, refuseMachineryAction]) {
      expect([...action.roles]).toEqual(['akimat_reviewer']);
      current = null;
      expect(await action({ ok: true }, new FormData())).toMatchObject({ ok: false, code: 'unauthenticated' });
      for (const role of roles) {
        current =
          role === 'akimat_reviewer'
            ? almatyReviewer
            : await makeUser(database.db, role, role === 'citizen' || role === 'dealer' ? {} : scopes);
        const result = await action({ ok: true }, new FormData());
        if (role === 'akimat_reviewer') expect(result).toMatchObject({ ok: false, code: 'invalid' });
        else expect(result, role).toMatchObject({ ok: false, code: 'forbidden' });
      }
    }
    current = null;
  });

  it('keeps what was typed on a refusal that fails validation', async () => {
    const { refuseMachineryAction } = await import('@/lib/machinery/review-actions');
    current = almatyReviewer;
    const form = new FormData();
    for (const [k, v] of Object.entries({
      id: crypto.randomUUID(),
      version: '1',
      locale: 'ru',
      cms: 'x'.repeat(20),
      reasonCode: 'documents_inconsistent',
      comment: 'кратко',
    }))
      form.set(k, v);
    const result = await refuseMachineryAction({ ok: true }, form);
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { comment: ['machinery_comment_required'] },
      values: { comment: 'кратко' },
    });
    current = null;
  });
});
