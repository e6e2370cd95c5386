import { connect } from '@/db/client';
import { withJobOrigin } from '@/lib/audit/context';
import { startSealer } from '@/lib/audit/sealer';
import { deliverOutbox } from '@/lib/outbox/deliver';
import { isDemoMode } from '@/lib/auth/config';
import { config } from '@/lib/config';
import { reconcilePendingPayments } from '@/lib/payments/reconcile';
import { auditRefusals } from '@/lib/rate-limit/refusals';
import { logError, logInfo } from '@/lib/log';
import { remindNearDeadlines } from '@/lib/ops/deadline-reminders';
import { markWorkersStarted } from '@/lib/ops/health';
import { pilotRegistry } from '@/lib/pilots';
import { getRegistries } from '@/lib/registries';
import { runCrlRefresh } from '@/lib/signatures/crl-job';
import { getCrlSource } from '@/lib/signatures/crl-source';
import { loadTrustStore } from '@/lib/signatures/trust';
import { getBoss, kickOutbox, QUEUES } from './index';

/** Started once per server process (instrumentation.ts): the outbox, then each pilot's registered jobs. */
export async function startWorkers() {
  const boss = await getBoss();
  const { db } = connect(process.env.DATABASE_URL!, 4);
  // The audit sealer and anchoring (issues 14, 16): off the request path, one round a second.
  startSealer(db);
  await boss.work(QUEUES.outbox, { pollingIntervalSeconds: 2 }, async ([j]) =>
    withJobOrigin(j?.id ?? 'outbox', async () => {
      const n = await deliverOutbox(db);
      if (n) logInfo('outbox_delivered', { count: n });
    }),
  );
  // Safety net: anything a lost kick left behind is delivered within a minute.
  await boss.schedule(QUEUES.outbox, '* * * * *', {});
  // NUC CAs' CRLs for the distribution points signatures brought in (lib/signatures/crl-cache.ts).
  await boss.work(QUEUES.crlRefresh, async () => {
    const trust = await loadTrustStore(db);
    // A certificate a CA's CRL newly lists ends the sessions it opened (issue 14), as an admin revocation does.
    const r = await runCrlRefresh(db, getCrlSource(), [...trust.trustedRoots, ...trust.intermediates]);
    if (r.fetched || r.failed)
      logInfo('crl_refreshed', {
        fetched: r.fetched,
        failed: r.failed,
        newlyRevoked: r.newlyRevoked.length,
        sessionsEnded: r.sessionsEnded,
      });
  });
  await boss.schedule(QUEUES.crlRefresh, '*/5 * * * *', {});
  // Issue 17: one reminder before each deadline a citizen can act on (lib/ops/deadline-reminders.ts).
  await boss.work(QUEUES.deadlineReminders, async () => {
    if (await remindNearDeadlines(db)) await kickOutbox();
  });
  await boss.schedule(QUEUES.deadlineReminders, '*/5 * * * *', {});
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
        if (j) await withJobOrigin(j.id, () => job.run({ db, registries, data: j.data ?? {} }));
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
  markWorkersStarted();
  logInfo('workers_started');
}
