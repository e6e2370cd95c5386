// Keyset paging keeps PostgreSQL's microseconds (docs/decisions.md, "Data"): every list paged on (instant, id)
// gives each row exactly once, in order, when the instants differ only in microseconds or are equal. Through a JS
// Date (milliseconds) the last row of a page came again on the next one (oldest first: the list never ended) and
// the rows later in its millisecond were skipped (newest first).
import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/db/schema/applications';
import { machineryApplications } from '@/db/schema/machinery';
import { notifications } from '@/db/schema/notifications';
import { residenceApplications, residenceConsents } from '@/db/schema/residence';
import { vehicleApplications } from '@/db/schema/vehicle';
import { decodeCursor, encodeCursor, type Cursor } from '@/lib/applications/cursor';
import { listForPerson, listQueue } from '@/lib/applications/queries';
import { loadWorkCalendar } from '@/lib/calendar/work-calendar';
import { akimatDashboard } from '@/lib/machinery/dashboard';
import { listNotifications } from '@/lib/notifications/queries';
import { ownerConsentList } from '@/lib/residence/consent-queries';
import { listDealerRegistrations } from '@/lib/vehicle-registration/queries';
import { seededDatabase } from '@/tests/support/db';
import { uniqueIin } from '@/tests/support/factories';

let database: Awaited<ReturnType<typeof seededDatabase>>;

beforeAll(async () => {
  database = await seededDatabase();
}, 120_000);
afterAll(async () => {
  await database.drop();
});

/**
 * Instants within one millisecond that differ only in microseconds, three equal ones (the id decides), a whole
 * millisecond, and the next millisecond's first microseconds: every way a millisecond cursor goes wrong.
 */
const INSTANTS = [
  '2026-03-02T04:05:06.100001Z',
  '2026-03-02T04:05:06.100002Z',
  '2026-03-02T04:05:06.100002Z',
  '2026-03-02T04:05:06.100002Z',
  '2026-03-02T04:05:06.100003Z',
  '2026-03-02T04:05:06.100999Z',
  '2026-03-02T04:05:06.101000Z',
  '2026-03-02T04:05:06.101001Z',
  '2026-03-02T04:05:07.000001Z',
  '2026-03-02T04:05:07.000001Z',
];
const instant = (at: string) => sql`${at}::timestamptz`;

type Row = { id: string; at: string };

/** The rows in the list's order: by instant (all in one text form), then by id (uuids compare as their text). */
function ordered(rows: readonly Row[], order: 'asc' | 'desc') {
  const sorted = [...rows].sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1)).map((r) => r.id);
  return order === 'asc' ? sorted : sorted.reverse();
}

/**
 * Every page from the first on, the cursor going through the URL form as the pages pass it. Bounded: a list whose
 * cursor repeats a row never ends, so stop after more pages than there are rows.
 */
async function pageThrough<C>(read: (after: C | undefined) => Promise<{ ids: string[]; next: C | null }>, rows: number) {
  const seen: string[] = [];
  let after: C | undefined;
  for (let page = 0; page <= rows + 1; page++) {
    const { ids, next } = await read(after);
    seen.push(...ids);
    if (!next) break;
    after = next;
  }
  return seen;
}
const viaUrl = (c: Cursor) => decodeCursor(encodeCursor(c))!;

let numbers = 0;
const nextNumber = (prefix: string) => `${prefix}-2026-P${String(++numbers).padStart(5, '0')}`;

async function insertApplications(values: (at: string) => Partial<PgInsertValue<typeof applications>>) {
  const rows: Row[] = [];
  for (const at of INSTANTS) {
    const [row] = await database.db
      .insert(applications)
      .values({ number: nextNumber('PG'), pilot: 'id_card', status: 'under_review', createdAt: instant(at), ...values(at) })
      .returning({ id: applications.id });
    rows.push({ id: row!.id, at });
  }
  return rows;
}

const LIMITS = [1, 2, 3];

describe('keyset paging keeps microseconds: each row once, in order', () => {
  it('the dealer list (newest first)', async () => {
    const dealerBin = '990340000017';
    const rows = await insertApplications(() => ({ pilot: 'vehicle', status: 'draft', dealerBin }));
    for (const [i, r] of rows.entries()) {
      await database.db.insert(vehicleApplications).values({
        applicationId: r.id,
        vin: `PAGING0000000${String(i).padStart(4, '0')}`,
        dealerBin,
        dealerNameKk: 'Сынақ',
        dealerNameRu: 'Проверка',
      });
    }
    for (const limit of LIMITS) {
      const seen = await pageThrough(async (after: Cursor | undefined) => {
        const page = await listDealerRegistrations({ dealerBin, limit, after });
        return { ids: page.rows.map((r) => r.id), next: page.next && viaUrl(page.next) };
      }, rows.length);
      expect(seen, `limit ${limit}`).toEqual(ordered(rows, 'desc'));
    }
  });

  it('the cabinet notifications (newest first)', async () => {
    const recipientIin = uniqueIin();
    const rows: Row[] = [];
    for (const at of INSTANTS) {
      const [row] = await database.db
        .insert(notifications)
        .values({ recipientIin, kind: 'status_changed', createdAt: instant(at) })
        .returning({ id: notifications.id });
      rows.push({ id: row!.id, at });
    }
    for (const limit of LIMITS) {
      const seen = await pageThrough(async (after: Cursor | undefined) => {
        const page = await listNotifications(recipientIin, limit, after);
        return { ids: page.rows.map((r) => r.id), next: page.next };
      }, rows.length);
      expect(seen, `limit ${limit}`).toEqual(ordered(rows, 'desc'));
    }
  });

  it('the akimat dashboard (oldest received first)', async () => {
    const akimatId = 990_001;
    const rows = await insertApplications((at) => ({ pilot: 'machinery', akimatId, submittedAt: instant(at) }));
    for (const r of rows) await database.db.insert(machineryApplications).values({ applicationId: r.id, action: 'registration' });
    const calendar = await loadWorkCalendar(database.db);
    const now = new Date('2026-03-02T06:00:00Z');
    for (const limit of LIMITS) {
      const seen = await pageThrough(async (after: string | undefined) => {
        const page = await akimatDashboard(database.db, calendar, { akimatId, limit, after, now });
        return { ids: page.rows.map((r) => r.id), next: page.next };
      }, rows.length);
      expect(seen, `limit ${limit}`).toEqual(ordered(rows, 'asc'));
    }
  });

  it("the owner's answered consent requests (newest first)", async () => {
    const ownerIin = uniqueIin();
    const rows: Row[] = [];
    const statuses = ['consented', 'declined', 'expired', 'cancelled'] as const;
    for (const [i, at] of INSTANTS.entries()) {
      const [app] = await database.db
        .insert(applications)
        .values({ number: nextNumber('PR'), pilot: 'residence', status: 'closed', createdAt: instant(at) })
        .returning({ id: applications.id });
      await database.db
        .insert(residenceApplications)
        .values({ applicationId: app!.id, iin: uniqueIin(), kind: 'permanent', closedAt: instant(at) });
      const [consent] = await database.db
        .insert(residenceConsents)
        .values({
          applicationId: app!.id,
          ownerIin,
          shareMilli: 500,
          status: statuses[i % statuses.length]!,
          requestedAt: instant(at),
          expiresAt: instant('2026-03-09T04:05:06Z'),
        })
        .returning({ id: residenceConsents.id });
      rows.push({ id: consent!.id, at });
    }
    for (const limit of LIMITS) {
      const seen = await pageThrough(async (after: Cursor | undefined) => {
        const page = await ownerConsentList(ownerIin, 'kk', limit, after);
        expect(page.open).toEqual([]);
        return { ids: page.answered.map((r) => r.id), next: page.next && viaUrl(page.next) };
      }, rows.length);
      expect(seen, `limit ${limit}`).toEqual(ordered(rows, 'desc'));
    }
  });

  for (const order of ['oldest', 'newest'] as const) {
    it(`a staff queue (${order} first)`, async () => {
      const regionCode = order === 'oldest' ? 'PO' : 'PN';
      const rows = await insertApplications(() => ({ regionCode }));
      for (const limit of LIMITS) {
        const seen = await pageThrough(async (after: Cursor | undefined) => {
          const page = await listQueue({ pilot: 'id_card', scope: { regionCode }, statuses: ['under_review'], order, limit, after });
          return { ids: page.rows.map((r) => r.id), next: page.next && viaUrl(page.next) };
        }, rows.length);
        expect(seen, `limit ${limit}`).toEqual(ordered(rows, order === 'oldest' ? 'asc' : 'desc'));
      }
    });
  }

  it("the citizen cabinet's applications (newest first)", async () => {
    const applicantIin = uniqueIin();
    const rows = await insertApplications(() => ({ applicantIin }));
    for (const limit of LIMITS) {
      const seen = await pageThrough(async (after: Cursor | undefined) => {
        const page = await listForPerson(applicantIin, limit, after);
        return { ids: page.rows.map((r) => r.id), next: page.next && viaUrl(page.next) };
      }, rows.length);
      expect(seen, `limit ${limit}`).toEqual(ordered(rows, 'desc'));
    }
  });
});
