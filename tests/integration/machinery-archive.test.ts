// Orders 001/004, p.16–17: documents due for transfer after one month, the act formed by the akimat, both EDS
// signatures over the same canonical bytes in either order, the documents marked transferred, and the act's scope.
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents } from '@/db/schema/audit';
import { machineryTransferActItems, machineryTransferActs } from '@/db/schema/machinery';
import { signatures } from '@/db/schema/signatures';
import { AKIMAT, CON } from '@/db/seed/personas-ids';
import type { Actor } from '@/lib/auth/actor';
import {
  actSignatures,
  canonicalOf,
  dueForAkimat,
  dueForTransferList,
  formAct,
  loadAct,
  signAsAkimat,
  signAsConHead,
  type ArchiveContext,
} from '@/lib/machinery/archive-service';
import { actBytes, addOneMonth } from '@/lib/machinery/transfer-act';
import { localDate } from '@/lib/calendar/local';
import { canonicalBytes, sha256Hex } from '@/lib/signatures/canonical';
import { seededDatabase } from '@/tests/support/db';
import { makeUser } from '@/tests/support/factories';
import { daysAgo, decidedMachinery, machineryRow } from '@/tests/support/machinery-archive';
import { trustTestPki } from '@/tests/support/pki';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let pki: Awaited<ReturnType<typeof trustTestPki>>;
const ctx = (actor: Actor): ArchiveContext => ({ db: database.db, actor, grant: actor.grants[0]! });

let reviewer: Actor;
let otherReviewer: Actor;
let head: Actor;
let operator: Actor;
let otherHead: Actor;
let issuanceDesk: Actor;

let current: Actor | null = null;
vi.mock('@/lib/auth/session', () => ({ getActor: async () => current }));

// One akimat and CON of its own per test file keeps the seeded demo applications out of the counts.
const A = AKIMAT.almatyBostandyq;
const C = CON.almaty1;

beforeAll(async () => {
  database = await seededDatabase();
  pki = await trustTestPki(database.db);
  reviewer = await makeUser(database.db, 'akimat_reviewer', { akimatId: A });
  otherReviewer = await makeUser(database.db, 'akimat_reviewer', { akimatId: AKIMAT.kostanayRegion });
  head = await makeUser(database.db, 'con_head', { serviceCentreId: C });
  operator = await makeUser(database.db, 'con_operator', { serviceCentreId: C });
  otherHead = await makeUser(database.db, 'con_head', { serviceCentreId: CON.kostanay1 });
  issuanceDesk = await makeUser(database.db, 'con_issuance', { serviceCentreId: C });
}, 120_000);
afterAll(async () => {
  await database.drop();
});

const sign = (a: Actor, act: { canonical: unknown }) => pki.sign({ iin: a.iin, surname: a.surname, givenName: a.givenName }, act.canonical);
const ids = (groups: { applications: { id: string }[] }[]) => groups.flatMap((g) => g.applications.map((a) => a.id)).sort();

describe('due for transfer (p.16)', () => {
  it('lists exactly the decided applications of this CON at least one month old and not yet in an act, per akimat', async () => {
    const now = new Date();
    // The demo seed has old decisions of its own at this CON (db/seed/machinery-applications.ts): set them aside.
    const seeded = new Set(ids(await dueForTransferList(ctx(operator), now)));
    const fresh = (apps: { id: string }[]) =>
      apps
        .map((a) => a.id)
        .filter((id) => !seeded.has(id))
        .sort();
    const old1 = await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, status: 'approved', decidedAt: daysAgo(40) });
    const old2 = await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, status: 'refused', decidedAt: daysAgo(35) });
    const old3 = await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, status: 'issued', decidedAt: daysAgo(60) });
    // Exactly one month ago (local dates): due from today.
    const monthAgo = new Date(now);
    monthAgo.setUTCMonth(monthAgo.getUTCMonth() - 1);
    const edge = await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, status: 'approved', decidedAt: monthAgo });
    const young = await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, status: 'approved', decidedAt: daysAgo(20) });
    const undecided = await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, status: 'under_review' });
    const otherCon = await decidedMachinery(database.db, { akimatId: A, serviceCentreId: CON.almaty2, decidedAt: daysAgo(40) });
    const otherAkimat = await decidedMachinery(database.db, { akimatId: AKIMAT.almatyCity, serviceCentreId: C, decidedAt: daysAgo(40) });

    const edgeDue = addOneMonth(localDate(monthAgo)) <= localDate(now);
    const list = await dueForTransferList(ctx(operator), now);
    const mine = list.find((g) => g.party.id === A)!;
    const expected = [old1.id, old2.id, old3.id, ...(edgeDue ? [edge.id] : [])].sort();
    expect(fresh(mine.applications)).toEqual(expected);
    expect(ids(list)).not.toContain(young.id);
    expect(ids(list)).not.toContain(undecided.id);
    expect(ids(list)).not.toContain(otherCon.id);
    // Another akimat's are listed in their own group.
    expect(list.find((g) => g.party.id === AKIMAT.almatyCity)!.applications.map((a) => a.id)).toContain(otherAkimat.id);
    // The head sees the same; the akimat sees them per CON.
    expect(ids(await dueForTransferList(ctx(head), now))).toEqual(ids(list));
    const akimatView = await dueForAkimat(ctx(reviewer), now);
    expect(fresh(akimatView.find((g) => g.party.id === C)!.applications)).toEqual(expected);
    expect(ids(akimatView)).toContain(otherCon.id);
  });

  it('is the front office’s and the akimat’s only', async () => {
    await expect(dueForTransferList(ctx(reviewer))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(dueForTransferList(ctx(issuanceDesk))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(dueForAkimat(ctx(head))).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('the act (p.17)', () => {
  it('is formed by the akimat from the due applications of one CON, frozen, and forming again gives the same draft', async () => {
    const due = (await dueForAkimat(ctx(reviewer))).find((g) => g.party.id === C)!.applications;
    const act = await formAct(ctx(reviewer), { serviceCentreId: C });
    expect(act.number).toMatch(/^TA-\d{4}-\d{6}$/);
    expect(act.status).toBe('draft');
    const items = await database.db.select().from(machineryTransferActItems).where(eq(machineryTransferActItems.actId, act.id));
    expect(items.map((i) => i.applicationId).sort()).toEqual(due.map((d) => d.id).sort());
    const canonical = canonicalOf(act);
    expect(canonical.applications.map((a) => a.number).sort()).toEqual(due.map((d) => d.number).sort());
    expect(canonical.applications[0]!.documents).toHaveLength(2);
    // Now nothing of this CON is due any more; a double submit gives the same open act.
    expect((await dueForAkimat(ctx(reviewer))).find((g) => g.party.id === C)).toBeUndefined();
    expect((await formAct(ctx(reviewer), { serviceCentreId: C })).id).toBe(act.id);
    const [audited] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'machinery.transfer_act_formed'));
    expect(audited).toBeTruthy();
  });

  it('a second act cannot take the same application: the item is unique', async () => {
    const [act] = await database.db.select().from(machineryTransferActs).where(eq(machineryTransferActs.serviceCentreId, C));
    const [item] = await database.db.select().from(machineryTransferActItems).where(eq(machineryTransferActItems.actId, act!.id));
    const [second] = await database.db
      .insert(machineryTransferActs)
      .values({ number: 'TA-TEST-1', akimatId: A, serviceCentreId: C, canonical: {}, formedByUserId: reviewer.userId })
      .returning();
    await expect(
      database.db.insert(machineryTransferActItems).values({ actId: second!.id, applicationId: item!.applicationId, position: 1 }),
    ).rejects.toThrow();
    await database.db.delete(machineryTransferActs).where(eq(machineryTransferActs.id, second!.id));
  });

  it('only an akimat reviewer forms, and only with something due', async () => {
    await expect(formAct(ctx(head), { serviceCentreId: C })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(formAct(ctx(otherReviewer), { serviceCentreId: CON.kostanayFedorov })).rejects.toMatchObject({
      code: 'transfer_act_nothing_due',
    });
  });

  it('another akimat and another CON do not see it (not found, audited); the issuance desk neither', async () => {
    const [act] = await database.db.select().from(machineryTransferActs).where(eq(machineryTransferActs.serviceCentreId, C));
    for (const a of [otherReviewer, otherHead, issuanceDesk])
      await expect(loadAct(ctx(a), act!.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(signAsAkimat(ctx(otherReviewer), { actId: act!.id, version: 1, cms: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(signAsConHead(ctx(otherHead), { actId: act!.id, version: 1, cms: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    // The operator may read it, but only the head signs for the CON.
    expect((await loadAct(ctx(operator), act!.id)).id).toBe(act!.id);
    await expect(signAsConHead(ctx(operator), { actId: act!.id, version: 1, cms: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    const denied = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'access.denied'));
    expect(denied.filter((d) => (d.data as { act?: string }).act === act!.id).length).toBeGreaterThanOrEqual(3);
  });

  it('akimat signs, then the head: completed, documents transferred, both signatures over the same bytes', async () => {
    const [act] = await database.db.select().from(machineryTransferActs).where(eq(machineryTransferActs.serviceCentreId, C));
    // A signature by someone else's key is refused and nothing changes.
    await expect(signAsAkimat(ctx(reviewer), { actId: act!.id, version: act!.version, cms: await sign(head, act!) })).rejects.toMatchObject(
      { code: 'signature_wrong_signer' },
    );
    const first = await signAsAkimat(ctx(reviewer), { actId: act!.id, version: act!.version, cms: await sign(reviewer, act!) });
    expect(first.status).toBe('signed_by_akimat');
    // A double submit is the same act, not a second signature.
    const again = await signAsAkimat(ctx(reviewer), { actId: act!.id, version: act!.version, cms: await sign(reviewer, act!) });
    expect(again.version).toBe(first.version);
    // The head signs from a page loaded before the akimat signed: the bytes are the same, so it completes.
    const done = await signAsConHead(ctx(head), { actId: act!.id, version: act!.version, cms: await sign(head, act!) });
    expect(done.status).toBe('completed');
    expect(done.completedAt).toBeTruthy();
    const items = await database.db.select().from(machineryTransferActItems).where(eq(machineryTransferActItems.actId, act!.id));
    for (const i of items) {
      const m = await machineryRow(database.db, i.applicationId);
      expect(m.transferActId).toBe(act!.id);
      expect(m.documentsTransferredAt).toBeTruthy();
    }
    const sigs = await database.db.select().from(signatures).where(eq(signatures.documentNumber, act!.number));
    expect(sigs).toHaveLength(2);
    const hash = await sha256Hex(actBytes(canonicalOf(act!)));
    expect(sigs.map((s) => s.dataSha256)).toEqual([hash, hash]);
    expect(sigs[0]!.document).toBe(sigs[1]!.document);
    expect(await sha256Hex(canonicalBytes(JSON.parse(sigs[0]!.document)))).toBe(hash);
    const reports = await actSignatures(database.db, done);
    expect(reports.map((r) => r.side).sort()).toEqual(['akimat', 'con_head']);
    expect(reports.every((r) => r.certificateSerial && r.name.includes('Тестов'))).toBe(true);
    // Nothing more to sign.
    await expect(signAsAkimat(ctx(otherReviewer), { actId: act!.id, version: done.version, cms: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const secondReviewer = await makeUser(database.db, 'akimat_reviewer', { akimatId: A });
    await expect(
      signAsAkimat(ctx(secondReviewer), { actId: act!.id, version: done.version, cms: await sign(secondReviewer, done) }),
    ).rejects.toMatchObject({ code: 'transfer_act_already_signed' });
  });

  it('the head first, then the akimat, and the two at once: completed either way', async () => {
    await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, decidedAt: daysAgo(45) });
    const act = await formAct(ctx(reviewer), { serviceCentreId: C });
    const h = await signAsConHead(ctx(head), { actId: act.id, version: act.version, cms: await sign(head, act) });
    expect(h.status).toBe('signed_by_con');
    const a = await signAsAkimat(ctx(reviewer), { actId: act.id, version: h.version, cms: await sign(reviewer, act) });
    expect(a.status).toBe('completed');

    await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, decidedAt: daysAgo(45) });
    const both = await formAct(ctx(reviewer), { serviceCentreId: C });
    const [x, y] = await Promise.all([
      signAsConHead(ctx(head), { actId: both.id, version: both.version, cms: await sign(head, both) }),
      signAsAkimat(ctx(reviewer), { actId: both.id, version: both.version, cms: await sign(reviewer, both) }),
    ]);
    expect([x.status, y.status]).toContain('completed');
    expect([x.status, y.status].filter((s) => s.startsWith('signed_by_'))).toHaveLength(1);
    const [row] = await database.db.select().from(machineryTransferActs).where(eq(machineryTransferActs.id, both.id));
    expect(row!.status).toBe('completed');
    expect(row!.akimatSignatureId && row!.conHeadSignatureId).toBeTruthy();
  });
});

describe('concurrency', () => {
  it('two reviewers forming at once make one act; two reviewers signing at once: exactly one signature', async () => {
    await decidedMachinery(database.db, { akimatId: A, serviceCentreId: C, decidedAt: daysAgo(50) });
    const second = await makeUser(database.db, 'akimat_reviewer', { akimatId: A });
    const [f1, f2] = await Promise.all([formAct(ctx(reviewer), { serviceCentreId: C }), formAct(ctx(second), { serviceCentreId: C })]);
    expect(f1.id).toBe(f2.id);
    const results = await Promise.allSettled([
      signAsAkimat(ctx(reviewer), { actId: f1.id, version: f1.version, cms: await sign(reviewer, f1) }),
      signAsAkimat(ctx(second), { actId: f1.id, version: f1.version, cms: await sign(second, f1) }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'transfer_act_already_signed' });
    const sigs = await database.db.select().from(signatures).where(eq(signatures.documentNumber, f1.number));
    expect(sigs).toHaveLength(1);
  });
});

describe('the act PDF route', () => {
  async function get(actor: Actor | null, id: string, locale = 'kk') {
    current = actor;
    const { GET } = await import('@/app/api/machinery/transfer-acts/[id]/route');
    return GET(new Request(`http://x/api/machinery/transfer-acts/${id}?locale=${locale}`) as never, { params: Promise.resolve({ id }) });
  }

  it('gives the act in Kazakh or Russian to its parties, 404 to anyone else', async () => {
    const [act] = await database.db.select().from(machineryTransferActs).where(eq(machineryTransferActs.serviceCentreId, C));
    for (const a of [reviewer, head, operator]) {
      const res = await get(a, act!.id, 'kk');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const pdf = await PDFDocument.load(await res.arrayBuffer());
      expect(pdf.getTitle()).toBe(`Қабылдау-тапсыру актісі № ${act!.number}`);
    }
    const ru = await get(head, act!.id, 'ru');
    expect(ru.status).toBe(200);
    expect((await PDFDocument.load(await ru.arrayBuffer())).getTitle()).toBe(`Акт приема-передачи № ${act!.number}`);
    for (const a of [otherReviewer, otherHead, issuanceDesk]) expect((await get(a, act!.id)).status).toBe(404);
    expect((await get(null, act!.id)).status).toBe(401);
    expect((await get(reviewer, 'not-a-uuid')).status).toBe(404);
  });
});
