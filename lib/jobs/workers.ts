import { connect } from '@/db/client';
import { withJobOrigin } from '@/lib/audit/context';
import { startSealer } from '@/lib/audit/sealer';
import { deliverOutbox } from '@/lib/outbox/deliver';
import { isDemoMode } from '@/lib/auth/config';
import { logError, logInfo } from '@/lib/log';
import { pilotRegistry } from '@/lib/pilots';
import { getRegistries } from '@/lib/registries';
import { getBoss, QUEUES } from './index';

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
  const registries = getRegistries(db);
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
  logInfo('workers_started');
}
