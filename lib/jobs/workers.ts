import { connect } from '@/db/client';
import { deliverOutbox } from '@/lib/outbox/deliver';
import { isDemoMode } from '@/lib/auth/config';
import { config } from '@/lib/config';
import { reconcilePendingPayments } from '@/lib/payments/reconcile';
import { auditRefusals } from '@/lib/rate-limit/refusals';
import { logError, logInfo } from '@/lib/log';
import { pilotRegistry } from '@/lib/pilots';
import { getRegistries } from '@/lib/registries';
import { getBoss, QUEUES } from './index';

/** Started once per server process (instrumentation.ts): the outbox, then each pilot's registered jobs. */
export async function startWorkers() {
  const boss = await getBoss();
  const { db } = connect(process.env.DATABASE_URL!, 4);
  await boss.work(QUEUES.outbox, { pollingIntervalSeconds: 2 }, async () => {
    const n = await deliverOutbox(db);
    if (n) logInfo('outbox_delivered', { count: n });
  });
  // Safety net: anything a lost kick left behind is delivered within a minute.
  await boss.schedule(QUEUES.outbox, '* * * * *', {});
  const registries = getRegistries(db);
  // Lost payment callbacks: pending payments older than the configured minutes are asked about at the gateway.
  await boss.work(QUEUES.paymentsReconcile, async () => {
    const r = await reconcilePendingPayments(db, registries, { olderThanMinutes: config().QYZMET_RECONCILE_AFTER_MINUTES });
    if (r.asked) logInfo('payments_reconciled', r);
  });
  await boss.schedule(QUEUES.paymentsReconcile, '* * * * *', {});
  // Refused requests counted per window become one audit event per action and window once the window closes.
  await boss.work(QUEUES.rateLimitAudit, async () => {
    const n = await auditRefusals(db);
    if (n) logInfo('rate_limit_refusals_audited', { events: n });
  });
  await boss.schedule(QUEUES.rateLimitAudit, '*/5 * * * *', {});
  for (const pilot of Object.values(pilotRegistry)) {
    for (const job of pilot.jobs) {
      await boss.work<Record<string, unknown>>(job.queue, async ([j]) => {
        if (j) await job.run({ db, registries, data: j.data ?? {} });
      });
      if (job.schedule) await boss.schedule(job.queue, job.schedule, {});
    }
  }
  // Demo data: the seeded machinery applications get their signatures once the demo keys exist.
  if (isDemoMode()) {
    const { signSeededMachinery } = await import('@/lib/machinery/demo-signatures');
    await signSeededMachinery(db)
      .then(({ signed }) => signed && logInfo('demo_machinery_signed', { count: signed }))
      .catch((e: unknown) => logError('demo_machinery_signing_failed', e));
  }
  logInfo('workers_started');
}
