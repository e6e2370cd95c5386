// Issue 17: the supervisor's figures against a hand count. Applications with known timelines (a holiday, a receipt
// after 17:00, a late decision, refusals at intake and at review, CON and online, exempt and paying) and registry
// calls with an outage are written straight into a region of their own; every figure is then checked by hand.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents, applications } from '@/db/schema/applications';
import { auditEvents } from '@/db/schema/audit';
import { idCardApplications } from '@/db/schema/id-card';
import { akimats } from '@/db/schema/reference';
import { registryCalls } from '@/db/schema/registry-ops';
import { residenceApplications } from '@/db/schema/residence';
import { STAFF } from '@/db/seed/personas-ids';
import { loadWorkCalendar } from '@/lib/calendar/work-calendar';
import { parseFilter, type MonitoringFilter } from '@/lib/monitoring/filters';
import { monitoringFigures } from '@/lib/monitoring/queries';
import { monitoringTables, type Labels } from '@/lib/monitoring/tables';
import { viewMonitoring } from '@/lib/monitoring/view';
import { seededDatabase } from '@/tests/support/db';
import { actorFor } from '@/tests/support/factories';

let database: Awaited<ReturnType<typeof seededDatabase>>;
let akimatId: number;
const REGION = '99';
const H = 3_600_000;
const at = (local: string) => new Date(`${local}:00+05:00`);
const now = at('2026-12-04T10:00');
let seq = 0;

type Step = { at: string; to: string; type?: string; data?: Record<string, unknown> };
/** One application: created at the first step's time in its first state, then each step as a timeline event. */
async function app(pilot: MonitoringFilter['pilot'], steps: Step[], extra: Partial<typeof applications.$inferInsert> = {}) {
  const [first, ...rest] = steps as [Step, ...Step[]];
  const last = steps[steps.length - 1]!;
  const [row] = await database.db
    .insert(applications)
    .values({
      number: `MON-${pilot}-${++seq}`,
      pilot,
      status: last.to,
      regionCode: REGION,
      createdAt: at(first.at),
      ...extra,
    })
    .returning({ id: applications.id });
  let from = first.to;
  await database.db.insert(applicationEvents).values([
    { applicationId: row!.id, at: at(first.at), type: 'created', toStatus: first.to },
    ...rest.map((s) => {
      const e = { applicationId: row!.id, at: at(s.at), type: s.type ?? 'step', fromStatus: from, toStatus: s.to, data: s.data ?? {} };
      from = s.to;
      return e;
    }),
  ]);
  return row!.id;
}

const filter = (pilot: MonitoringFilter['pilot'], region = REGION) => {
  const f = parseFilter({ pilot, region, from: '2025-06-02', to: '2025-06-15' });
  if (!f.success) throw new Error('filter');
  return f.data;
};

beforeAll(async () => {
  database = await seededDatabase();
  [{ id: akimatId }] = (await database.db.select({ id: akimats.id }).from(akimats).limit(1)) as [{ id: number }];
  const m = (extra: Partial<typeof applications.$inferInsert>) => ({ akimatId, ...extra });
  // A1: submitted 11:00, approved 15:00 the same day (4 h), issued 4 June 10:00 (7 + 9 + 1 = 17 h).
  await app(
    'machinery',
    [
      { at: '2025-06-02T10:00', to: 'received' },
      { at: '2025-06-02T11:00', to: 'under_review' },
      { at: '2025-06-02T15:00', to: 'approved' },
      { at: '2025-06-04T10:00', to: 'issued' },
    ],
    m({ deadlineAt: at('2025-06-03T11:00') }),
  );
  // A2: received 17:30 (after the cut-off: due 5 June 09:00), refused 5 June 10:00: late; 0.5 + 9 + 1 = 10.5 h.
  await app(
    'machinery',
    [
      { at: '2025-06-03T16:00', to: 'received' },
      { at: '2025-06-03T17:30', to: 'under_review' },
      { at: '2025-06-05T10:00', to: 'refused', type: 'refuse', data: { reason: 'documents_inconsistent' } },
    ],
    m({ deadlineAt: at('2025-06-05T09:00') }),
  );
  // A3: received Thursday 12:00; Friday 6 June is Kurban Ait, then the weekend: due Monday 12:00; decided 11:00: 6 + 2 = 8 h.
  await app(
    'machinery',
    [
      { at: '2025-06-05T09:00', to: 'received' },
      { at: '2025-06-05T12:00', to: 'under_review' },
      { at: '2025-06-09T11:00', to: 'approved' },
    ],
    m({ deadlineAt: at('2025-06-09T12:00') }),
  );
  // A4: refused at intake (an incomplete package): decided, never submitted.
  await app('machinery', [
    { at: '2025-06-10T10:00', to: 'received' },
    { at: '2025-06-10T10:30', to: 'rejected_at_intake', type: 'package_incomplete', data: { reason: 'package_incomplete' } },
  ]);
  // A5: waiting past its deadline now.
  await app(
    'machinery',
    [
      { at: '2025-06-11T10:00', to: 'received' },
      { at: '2025-06-11T11:00', to: 'under_review' },
    ],
    m({ deadlineAt: at('2025-06-12T11:00') }),
  );
  // Outside the figures: after the period, and another region.
  await app('machinery', [{ at: '2025-06-16T10:00', to: 'received' }], m({}));
  await app('machinery', [{ at: '2025-06-03T10:00', to: 'received' }], m({ regionCode: '98' }));

  // Residence: online through the owner's consent, and at a CON (formed and registered at once).
  const r1 = await app('residence', [
    { at: '2025-06-02T10:00', to: 'draft' },
    { at: '2025-06-02T11:00', to: 'awaiting_owner_consent' },
    { at: '2025-06-03T11:00', to: 'ready_to_sign' },
    { at: '2025-06-03T12:00', to: 'registered' },
  ]);
  const r2 = await app('residence', [
    { at: '2025-06-04T10:00', to: 'draft' },
    { at: '2025-06-04T10:20', to: 'registered', type: 'con_register' },
  ]);
  const r3 = await app('residence', [
    { at: '2025-06-05T10:00', to: 'draft' },
    { at: '2025-06-05T10:10', to: 'refused', type: 'refuse', data: { refusalCode: 'kinship_not_found' } },
  ]);
  await database.db.insert(residenceApplications).values([
    { applicationId: r1, iin: '000000000001', kind: 'permanent', channel: 'online' },
    { applicationId: r2, iin: '000000000002', kind: 'permanent', channel: 'con' },
    { applicationId: r3, iin: '000000000003', kind: 'permanent', channel: 'online' },
  ]);

  // ID card: one exempt, one paying, one draft never submitted.
  const card = { consentId: 'c', currentCardNumber: '0', currentCardIssuedOn: '2015-01-01', currentCardExpiresOn: '2025-07-01' };
  const i1 = await app('id_card', [
    { at: '2025-06-02T10:00', to: 'draft' },
    { at: '2025-06-02T10:30', to: 'submitted' },
    { at: '2025-06-02T10:31', to: 'under_review' },
    { at: '2025-06-03T10:30', to: 'approved' },
  ]);
  const i2 = await app('id_card', [
    { at: '2025-06-03T10:00', to: 'draft' },
    { at: '2025-06-03T10:30', to: 'submitted' },
    { at: '2025-06-03T10:31', to: 'awaiting_payment' },
    { at: '2025-06-03T11:00', to: 'under_review' },
    { at: '2025-06-04T11:00', to: 'annulled', type: 'annul', data: { reason: 'photo' } },
  ]);
  const i3 = await app('id_card', [{ at: '2025-06-04T10:00', to: 'draft' }]);
  await database.db.insert(idCardApplications).values([
    { applicationId: i1, iin: '000000000011', exemptStatus: 'disability_1', ...card },
    { applicationId: i2, iin: '000000000012', ...card },
    { applicationId: i3, iin: '000000000013', ...card },
  ]);

  // Vehicle: registered and issued; refused at step 19 by its code; declined by the buyer (a drop-out, no refusal).
  await app('vehicle', [
    { at: '2025-06-02T09:00', to: 'draft' },
    { at: '2025-06-02T09:10', to: 'awaiting_seller_signature' },
    { at: '2025-06-02T09:20', to: 'awaiting_buyer' },
    { at: '2025-06-02T10:00', to: 'buyer_filling' },
    { at: '2025-06-02T10:10', to: 'awaiting_payment' },
    { at: '2025-06-02T10:20', to: 'awaiting_buyer_signature' },
    { at: '2025-06-02T10:30', to: 'processing' },
    { at: '2025-06-02T10:45', to: 'ready_for_pickup' },
    { at: '2025-06-03T10:30', to: 'issued' },
  ]);
  await app('vehicle', [
    { at: '2025-06-03T09:00', to: 'draft' },
    { at: '2025-06-03T09:10', to: 'awaiting_seller_signature' },
    { at: '2025-06-03T09:20', to: 'awaiting_buyer' },
    { at: '2025-06-03T10:00', to: 'buyer_filling' },
    { at: '2025-06-03T10:10', to: 'awaiting_payment' },
    { at: '2025-06-03T10:20', to: 'awaiting_buyer_signature' },
    { at: '2025-06-03T10:30', to: 'processing' },
    { at: '2025-06-03T11:30', to: 'refused', type: 'processing_refused', data: { code: 'plate_unavailable' } },
  ]);
  await app('vehicle', [
    { at: '2025-06-04T09:00', to: 'draft' },
    { at: '2025-06-04T09:10', to: 'awaiting_seller_signature' },
    { at: '2025-06-04T09:20', to: 'awaiting_buyer' },
    { at: '2025-06-04T10:00', to: 'declined_by_buyer', type: 'buyer_declined', data: { reason: 'changed my mind' } },
  ]);

  await database.db.insert(registryCalls).values([
    { at: at('2025-06-02T10:00'), system: 'gbd_fl', operation: 'person', outcome: 'ok', durationMs: 5 },
    { at: at('2025-06-03T10:00'), system: 'gbd_fl', operation: 'person', outcome: 'outage', durationMs: 5 },
    { at: at('2025-06-03T10:05'), system: 'gbd_fl', operation: 'person', outcome: 'outage', durationMs: 5 },
    { at: at('2025-06-03T10:20'), system: 'gbd_fl', operation: 'person', outcome: 'ok', durationMs: 5 },
    { at: at('2025-06-04T12:00'), system: 'gbd_fl', operation: 'person', outcome: 'error', durationMs: 5 },
    { at: at('2025-06-14T10:00'), system: 'cadastre', operation: 'dwelling', outcome: 'outage', durationMs: 5 },
    { at: at('2025-06-20T10:00'), system: 'cadastre', operation: 'dwelling', outcome: 'outage', durationMs: 5 },
  ]);
});

afterAll(async () => {
  await database?.drop();
});

describe('machinery figures over 2–15 June 2025, one region', () => {
  it('counts, funnel, working-time durations, compliance, refusals, channels and overdue match the hand count', async () => {
    const f = await monitoringFigures(database.db, filter('machinery'), await loadWorkCalendar(database.db), now);
    const s = f.summary;
    expect(s.counts).toEqual({ started: 5, submitted: 4, decided: 4, issued: 1 });
    expect(s.funnel).toEqual([
      { stage: 'received', n: 5 },
      { stage: 'under_review', n: 4 },
      { stage: 'approved', n: 2 },
      { stage: 'issued', n: 1 },
    ]);
    // Working hours to decision: 4, 10.5, 8 → median 8, p90 (third of three) 10.5.
    expect(s.toDecision).toEqual({ n: 3, median: 8 * H, p90: 10.5 * H });
    expect(s.toIssue).toEqual({ n: 1, median: 17 * H, p90: 17 * H });
    expect(s.compliance).toEqual({ decided: 3, inTime: 2, late: 1, share: 2 / 3 });
    expect(s.refusals).toEqual([
      { key: 'package_incomplete|package_incomplete', n: 1 },
      { key: 'refuse|documents_inconsistent', n: 1 },
    ]);
    expect(s.segments).toEqual([
      { segment: 'online', n: 0 },
      { segment: 'con', n: 5 },
    ]);
    expect(s.weeks).toEqual([
      { week: '2025-06-02', started: 3, decided: 2 },
      { week: '2025-06-09', started: 2, decided: 2 },
    ]);
    expect(f.overdue).toEqual([{ regionCode: REGION, akimatId, n: 1, oldest: at('2025-06-12T11:00') }]);
  });

  it('registry failures per system and each outage with its length (an unfinished one runs until now)', async () => {
    const f = await monitoringFigures(database.db, filter('machinery'), await loadWorkCalendar(database.db), now);
    expect(f.registries.failures).toEqual([
      { system: 'cadastre', calls: 1, errors: 0, outages: 1 },
      { system: 'gbd_fl', calls: 5, errors: 1, outages: 2 },
    ]);
    expect(f.registries.outages).toEqual([
      { system: 'cadastre', started: at('2025-06-14T10:00'), ended: null, ms: now.getTime() - at('2025-06-14T10:00').getTime(), calls: 1 },
      { system: 'gbd_fl', started: at('2025-06-03T10:00'), ended: at('2025-06-03T10:20'), ms: 20 * 60_000, calls: 2 },
    ]);
  });

  it('all regions takes in the other region too', async () => {
    const f = await monitoringFigures(database.db, { ...filter('machinery'), region: undefined }, await loadWorkCalendar(database.db), now);
    expect(f.summary.counts.started).toBeGreaterThanOrEqual(6);
  });
});

describe('residence and ID card', () => {
  it('residence: online versus CON, a CON registration submitted and decided at once, the refusal by its code', async () => {
    const f = await monitoringFigures(database.db, filter('residence'), await loadWorkCalendar(database.db), now);
    const s = f.summary;
    expect(s.counts).toEqual({ started: 3, submitted: 2, decided: 3, issued: 2 });
    expect(s.segments).toEqual([
      { segment: 'online', n: 2 },
      { segment: 'con', n: 1 },
    ]);
    expect(s.funnel.map((x) => x.n)).toEqual([3, 2, 2]);
    // Online: submitted (the owner asked) 2 June 11:00 → registered 3 June 12:00 = 7 + 3 h; CON: 0.
    expect(s.toDecision).toEqual({ n: 2, median: 0, p90: 10 * H });
    expect(s.refusals).toEqual([{ key: 'refuse|kinship_not_found', n: 1 }]);
    expect(f.overdue).toEqual([]);
  });

  it('ID card: exempt versus paying, the annulment by its reason', async () => {
    const f = await monitoringFigures(database.db, filter('id_card'), await loadWorkCalendar(database.db), now);
    const s = f.summary;
    expect(s.counts).toEqual({ started: 3, submitted: 2, decided: 2, issued: 0 });
    expect(s.segments).toEqual([
      { segment: 'exempt', n: 1 },
      { segment: 'paying', n: 1 },
    ]);
    expect(s.funnel.map((x) => x.n)).toEqual([3, 2, 2, 1, 0, 0, 0]);
    expect(s.refusals).toEqual([{ key: 'annul|photo', n: 1 }]);
    // Exempt: 2 June 10:30 → 3 June 10:30 = 7.5 + 1.5 = 9 h; paying: 3 June 10:30 → 4 June 11:00 = 7.5 + 2 = 9.5 h.
    expect(s.toDecision).toEqual({ n: 2, median: 9 * H, p90: 9.5 * H });
  });
});

describe('vehicle', () => {
  it('funnel over the dealer and buyer steps; a decline drops out without counting as a refusal', async () => {
    const s = (await monitoringFigures(database.db, filter('vehicle'), await loadWorkCalendar(database.db), now)).summary;
    expect(s.counts).toEqual({ started: 3, submitted: 2, decided: 2, issued: 1 });
    expect(s.funnel.map((x) => x.n)).toEqual([3, 3, 3, 2, 2, 2, 2, 1, 1]);
    expect(s.refusals).toEqual([{ key: 'processing_refused|plate_unavailable', n: 1 }]);
    // Signed 10:30 → ready 10:45 (15 min) and → refused 11:30 (1 h); issued the next day 10:30: 7.5 + 1.5 = 9 h.
    expect(s.toDecision).toEqual({ n: 2, median: 0.25 * H, p90: 1 * H });
    expect(s.toIssue).toEqual({ n: 1, median: 9 * H, p90: 9 * H });
    expect(s.compliance.share).toBeNull();
  });
});

describe('tables and the audit', () => {
  it('every refusal reads in words, and a page view leaves one audit row with the filter', async () => {
    const supervisor = await actorFor(database.db, STAFF.supervisor);
    const grant = supervisor.grants.find((g) => g.role === 'supervisor')!;
    const view = await viewMonitoring(supervisor, grant, filter('machinery'), 'page');
    const rows = await database.db
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'monitoring.view'), eq(auditEvents.actorUserId, supervisor.userId)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data).toMatchObject({ pilot: 'machinery', region: REGION, from: '2025-06-02', to: '2025-06-15' });
    expect(view.akimats.get(akimatId)).toBeDefined();

    const words: Labels = {
      m: (k) => `m:${k}`,
      status: (s) => `s:${s}`,
      system: (s) => `sys:${s}`,
      reason: (k) => `r:${k}`,
      region: (c) => `reg:${c}`,
      akimat: (id) => `ak:${id}`,
      number: String,
      percent: (x) => `${Math.round(x * 100)}%`,
      dateTime: (d) => d.toISOString(),
    };
    const tables = monitoringTables('machinery', view.figures, words);
    expect(tables.find((t) => t.id === 'compliance')!.rows).toEqual([
      ['m:compliance.inTime', 2],
      ['m:compliance.late', 1],
      ['m:compliance.share', '67%'],
    ]);
    expect(tables.find((t) => t.id === 'durations')!.rows[0]).toEqual([
      'm:durations.toDecision',
      3,
      'm:durations.hours',
      'm:durations.hours',
    ]);
  });
});
