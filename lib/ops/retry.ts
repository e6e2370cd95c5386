import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { outbox } from '@/db/schema/notifications';
import { audit } from '@/lib/audit';
import type { Actor, Grant } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors';
import { registerWithRpDrn } from '@/lib/id-card/citizen-service';
import { loadIdCardApplication } from '@/lib/id-card/load';
import { orderProduction, pollProduction } from '@/lib/id-card/production-service';
import { MAX_OUTBOX_ATTEMPTS } from '@/lib/outbox';
import { deliverOutbox } from '@/lib/outbox/deliver';
import type { Registries } from '@/lib/registries';
import { isRegistryUnavailable } from '@/lib/registries/errors';
import { processVehicleApplication } from '@/lib/vehicle-registration/processing';
import { isStuck, outboxState, thresholdFor, type StuckStep } from './thresholds';

type Who = { actor: Pick<Actor, 'userId'>; grant: Grant };

/** Each step is the pilot's own service, the one its job runs: the retry never has a copy of the step's logic. */
const steps: Record<StuckStep, (db: Db, registries: Registries, id: string) => Promise<unknown>> = {
  vehicle_step19: (db, registries, id) => processVehicleApplication(db, registries, id),
  rp_drn_ticket: (db, registries, id) => registerWithRpDrn(db, registries, id),
  id_card_production_order: (db, registries, id) => orderProduction(db, registries, id),
  id_card_production_poll: async (db, registries, id) => {
    const app = await loadIdCardApplication(db, id);
    if (!app || app.status !== 'in_production') return false;
    return pollProduction(db, registries, {
      id: app.id,
      version: app.version,
      number: app.number,
      iin: app.card.iin,
      productionOrderId: app.card.productionOrderId,
    });
  },
};

export type RetryOutcome = { outcome: 'moved' | 'still_stuck'; status: string };

/**
 * The safe retry of a stuck application: refuses (`not_stuck`) unless it is still in the state the admin saw and
 * still past that state's threshold, records who asked (audit `ops.retry`), then re-runs the one step that should
 * have moved it. The steps are idempotent (a plate is allocated once, a transition expects its version, the outbox
 * dedupes), so a double submit or a job running at the same time does the step's effect once; a registry still down
 * leaves it stuck (`still_stuck`) for the next try.
 */
export async function retryStuckApplication(
  db: Db,
  registries: Registries,
  who: Who,
  input: { id: string; status: string },
  now = new Date(),
): Promise<RetryOutcome> {
  const step = await db.transaction(async (tx) => {
    const [app] = await tx
      .select({ pilot: applications.pilot, status: applications.status, number: applications.number, updatedAt: applications.updatedAt })
      .from(applications)
      .where(eq(applications.id, input.id))
      .for('update');
    if (!app) throw new DomainError('not_found');
    if (app.status !== input.status || !isStuck(app.pilot, app.status, app.updatedAt, now)) throw new DomainError('ops_not_stuck');
    const t = thresholdFor(app.pilot, app.status)!;
    await audit(tx, who.actor, who.grant, {
      action: 'ops.retry',
      applicationId: input.id,
      data: { step: t.step, status: app.status, number: app.number },
    });
    return t.step;
  });
  try {
    await steps[step](db, registries, input.id);
  } catch (e) {
    if (!isRegistryUnavailable(e)) throw e;
  }
  const [after] = await db.select({ status: applications.status }).from(applications).where(eq(applications.id, input.id));
  const status = after?.status ?? input.status;
  return { outcome: status === input.status ? 'still_stuck' : 'moved', status };
}

/** Locks an undelivered outbox row and says whether it is stuck (a dead letter or overdue); anything else refuses. */
async function lockStuckOutbox(tx: Parameters<Parameters<Db['transaction']>[0]>[0], id: number, now: Date, deadOnly: boolean) {
  const [row] = await tx
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, id), isNull(outbox.processedAt)))
    .for('update');
  if (!row) throw new DomainError('ops_not_stuck');
  const state = outboxState(row, now, MAX_OUTBOX_ATTEMPTS);
  if (state === 'pending' || state === 'delivered' || (deadOnly && state !== 'dead')) throw new DomainError('ops_not_stuck');
  return row;
}

/**
 * Retries one stuck outbox row: its attempts start again (audited `ops.outbox_retry`), then the worker's own delivery
 * runs. Delivery is exactly once (the notification and SMS carry the outbox id as a unique key); a second retry of a
 * delivered row refuses. True when the row is delivered now.
 */
export async function retryOutboxRow(db: Db, who: Who, id: number, now = new Date()): Promise<boolean> {
  await db.transaction(async (tx) => {
    const row = await lockStuckOutbox(tx, id, now, false);
    await tx.update(outbox).set({ attempts: 0 }).where(eq(outbox.id, id));
    await audit(tx, who.actor, who.grant, {
      action: 'ops.outbox_retry',
      data: { outboxId: id, topic: row.topic, attempts: row.attempts, lastError: row.lastError },
    });
  });
  await deliverOutbox(db);
  const [row] = await db.select({ processedAt: outbox.processedAt }).from(outbox).where(eq(outbox.id, id));
  return !!row?.processedAt;
}

/** Discards a dead letter: it is closed undelivered (`last_error` says so) and audited `ops.outbox_discarded`. */
export async function discardOutboxRow(db: Db, who: Who, id: number, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockStuckOutbox(tx, id, now, true);
    await tx
      .update(outbox)
      .set({ processedAt: sql`now()`, lastError: 'discarded' })
      .where(eq(outbox.id, id));
    await audit(tx, who.actor, who.grant, {
      action: 'ops.outbox_discarded',
      data: { outboxId: id, topic: row.topic, attempts: row.attempts },
    });
  });
}
