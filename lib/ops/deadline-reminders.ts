import 'server-only';
import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { idCardApplications } from '@/db/schema/id-card';
import { pilotSettings } from '@/db/schema/reference';
import { vehicleApplications } from '@/db/schema/vehicle';
import { localDateTime } from '@/lib/calendar/local';
import { draftTtlDays } from '@/lib/id-card/draft-expiry-rules';
import { notify } from '@/lib/outbox';
import { waitingForBuyer } from '@/lib/vehicle-registration/machine';
import { applicationDeadline, reminderKey } from './deadlines';

/** A citizen is reminded this many hours before a deadline they can act on (the last reminder before it ends). */
export const DEADLINE_REMINDER_HOURS = 24;
const DAY_MS = 86_400_000;

/**
 * The reminder job (every five minutes): every deadline a citizen can act on that ends within
 * DEADLINE_REMINDER_HOURS — the vehicle buyer's expiry, an ID-card draft's expiry — gets one notification (cabinet
 * and SMS, in the recipient's language, linked to the application): the outbox key is the application and the
 * deadline, so a re-run, or a second worker, notifies nobody twice. Returns how many deadlines it looked at.
 */
export async function remindNearDeadlines(db: Db, now = new Date(), hours = DEADLINE_REMINDER_HOURS): Promise<number> {
  const until = new Date(now.getTime() + hours * 3_600_000);
  const buyers = await db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      iin: vehicleApplications.buyerIin,
      at: vehicleApplications.expiresAt,
    })
    .from(applications)
    .innerJoin(vehicleApplications, eq(vehicleApplications.applicationId, applications.id))
    .where(
      and(
        eq(applications.pilot, 'vehicle'),
        inArray(applications.status, [...waitingForBuyer]),
        gt(vehicleApplications.expiresAt, now),
        lte(vehicleApplications.expiresAt, until),
      ),
    )
    .limit(500);
  const [settings] = await db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'id_card'));
  const ttlMs = draftTtlDays(settings?.params) * DAY_MS;
  const drafts = await db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      iin: idCardApplications.iin,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .innerJoin(idCardApplications, eq(idCardApplications.applicationId, applications.id))
    .where(
      and(
        eq(applications.pilot, 'id_card'),
        eq(applications.status, 'draft'),
        sql`${applications.updatedAt} > ${new Date(now.getTime() - ttlMs).toISOString()}::timestamptz`,
        sql`${applications.updatedAt} <= ${new Date(until.getTime() - ttlMs).toISOString()}::timestamptz`,
      ),
    )
    .limit(500);
  const due = [
    ...buyers.map((b) => ({ ...b, deadline: applicationDeadline({ pilot: 'vehicle', status: b.status, buyerExpiresAt: b.at }) })),
    ...drafts.map((d) => ({
      ...d,
      deadline: applicationDeadline({ pilot: 'id_card', status: d.status, draftExpiresAt: new Date(d.updatedAt.getTime() + ttlMs) }),
    })),
  ];
  let seen = 0;
  for (const a of due) {
    if (!a.deadline?.actionable || !a.iin) continue;
    seen++;
    await notify(db, reminderKey(a.id, a.deadline), {
      recipientIin: a.iin,
      applicationId: a.id,
      kind: `deadline_near_${a.deadline.kind}`,
      sms: true,
      params: { number: a.number, until: localDateTime(a.deadline.at) },
    });
  }
  return seen;
}
