import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema/people';
import { notifications, outbox, smsMessages } from '@/db/schema/notifications';
import { logError } from '@/lib/log';
import { notificationText } from '@/lib/notifications/render';
import { getRegistries } from '@/lib/registries';
import { applicationPhoneOf } from './contact-phone';
import { MAX_OUTBOX_ATTEMPTS as MAX_ATTEMPTS, type NotifyPayload } from './index';

const BATCH = 50;

/**
 * Delivers pending outbox rows exactly once: rows are claimed with SKIP LOCKED (two workers never take the
 * same row), and the notification and SMS rows carry the outbox id as a unique key, so even a re-run after a
 * crash between insert and commit cannot duplicate them. Returns how many rows were delivered.
 */
export async function deliverOutbox(db: Db): Promise<number> {
  let delivered = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(outbox)
        .where(and(isNull(outbox.processedAt), sql`${outbox.attempts} < ${MAX_ATTEMPTS}`))
        .orderBy(asc(outbox.id))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      for (const row of rows) {
        try {
          await tx.transaction(async (sp) => {
            if (row.topic === 'notify') await deliverNotify(sp, row.id, row.payload as NotifyPayload);
            await sp
              .update(outbox)
              .set({ processedAt: sql`now()` })
              .where(eq(outbox.id, row.id));
          });
        } catch (e) {
          // The savepoint rolled back this row only; it is retried later, up to MAX_ATTEMPTS.
          logError('outbox_delivery_failed', e, { outboxId: row.id });
          await tx
            .update(outbox)
            .set({ attempts: sql`${outbox.attempts} + 1`, lastError: (e as Error)?.name ?? 'error' })
            .where(eq(outbox.id, row.id));
        }
      }
      return rows.length;
    });
    delivered += done;
    if (done < BATCH) return delivered;
  }
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function deliverNotify(tx: Tx, outboxId: number, p: NotifyPayload) {
  await tx
    .insert(notifications)
    .values({
      outboxId,
      recipientIin: p.recipientIin,
      applicationId: p.applicationId ?? null,
      kind: p.kind,
      params: p.params ?? {},
    })
    .onConflictDoNothing({ target: notifications.outboxId });
  if (!p.sms) return;
  const registries = getRegistries(tx, { applicationId: p.applicationId });
  const phone =
    p.phone ??
    (await registries.bmg.findPhone(p.recipientIin)) ??
    (p.applicationId ? await applicationPhoneOf(tx, p.applicationId, p.recipientIin) : null);
  if (!phone) return; // no number at all: the cabinet notification is all we can do
  const [user] = await tx.select({ locale: users.locale }).from(users).where(eq(users.iin, p.recipientIin));
  const locale = p.locale ?? user?.locale ?? 'kk';
  const text = notificationText(p.kind, p.params ?? {}, locale);
  const [sms] = await tx
    .insert(smsMessages)
    .values({ outboxId, phone, locale, text })
    .onConflictDoNothing({ target: smsMessages.outboxId })
    .returning();
  if (!sms) return;
  const receipt = await registries.sms.send(phone, text);
  await tx
    .update(smsMessages)
    .set({ status: receipt.status === 'failed' ? 'failed' : 'sent', gatewayId: receipt.gatewayId })
    .where(eq(smsMessages.id, sms.id));
}
