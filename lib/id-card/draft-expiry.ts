import 'server-only';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { idCardApplications } from '@/db/schema/id-card';
import { pilotSettings } from '@/db/schema/reference';
import { transition } from '@/lib/applications/core';
import { isDomainError } from '@/lib/errors';
import { notify } from '@/lib/outbox';
import { draftExpired, draftTtlDays } from './draft-expiry-rules';
import { idCardMachine as machine } from './machine';

/**
 * The sweep (lib/pilots/index.ts): a draft nobody touched for the pilot's `draftTtlDays` expires, and the
 * citizen is told in the cabinet and by SMS; the renewal is closed, so a new one can be started. A racing
 * change (the citizen saving or signing at that moment) wins: that draft is skipped.
 */
export async function expireStaleIdCardDrafts(db: Db, now: Date = new Date()): Promise<number> {
  const [settings] = await db.select().from(pilotSettings).where(eq(pilotSettings.pilot, 'id_card'));
  const days = draftTtlDays(settings?.params);
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const stale = await db
    .select({
      id: applications.id,
      number: applications.number,
      version: applications.version,
      updatedAt: applications.updatedAt,
      iin: idCardApplications.iin,
    })
    .from(applications)
    .innerJoin(idCardApplications, eq(idCardApplications.applicationId, applications.id))
    .where(and(eq(applications.pilot, 'id_card'), eq(applications.status, 'draft'), lt(applications.updatedAt, cutoff)))
    .limit(100);
  let expired = 0;
  for (const a of stale) {
    if (!draftExpired(a.updatedAt, now, days)) continue;
    try {
      await db.transaction(async (tx) => {
        await tx.update(idCardApplications).set({ closedAt: now }).where(eq(idCardApplications.applicationId, a.id));
        await transition(tx, { id: a.id, expectedVersion: a.version, machine, event: 'expire', actor: null, grant: null, data: { days } });
        await notify(tx, `id_card:${a.id}:expired`, {
          recipientIin: a.iin,
          applicationId: a.id,
          kind: 'id_card_expired',
          sms: true,
          params: { number: a.number, days },
        });
      });
      expired++;
    } catch (e) {
      if (isDomainError(e) && e.code === 'application_changed') continue;
      throw e;
    }
  }
  return expired;
}
