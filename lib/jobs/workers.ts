import { connect } from '@/db/client';
import { deliverOutbox } from '@/lib/outbox/deliver';
import { registerWithRpDrn, submittedIdCards } from '@/lib/id-card/citizen-service';
import { advanceProduction } from '@/lib/id-card/review-service';
import { logError, logInfo } from '@/lib/log';
import { getRegistries } from '@/lib/registries';
import { pendingProcessing, processVehicleApplication, sweepBuyerDeadlines } from '@/lib/vehicle-registration/processing';
import { getBoss, kickOutbox, QUEUES } from './index';

/** Started once per server process (instrumentation.ts). */
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
  await boss.work<{ applicationId: string }>(QUEUES.vehicleProcess, async ([job]) => {
    if (!job) return;
    const outcome = await processVehicleApplication(db, getRegistries(db, { applicationId: job.data.applicationId }), job.data.applicationId);
    await kickOutbox();
    logInfo('vehicle_processed', { outcome });
  });
  // Every minute: step 19 for anything a lost kick left in `processing`, then buyers' reminders and expiry.
  await boss.work(QUEUES.vehicleSweep, async () => {
    for (const { id } of await pendingProcessing(db)) await processVehicleApplication(db, registries, id);
    const swept = await sweepBuyerDeadlines(db);
    if (swept.expired || swept.reminded) { await kickOutbox(); logInfo('vehicle_deadlines', swept); }
  });
  await boss.schedule(QUEUES.vehicleSweep, '* * * * *', {});
  // ID cards: steps 13–15 left by an RP DRN outage, and the simulated production.
  await boss.work(QUEUES.idCardSweep, async () => {
    for (const { id } of await submittedIdCards(db)) await registerWithRpDrn(db, registries, id).catch((e: unknown) => logError('id_card_rp_drn_retry', e));
    if (await advanceProduction(db)) await kickOutbox();
  });
  await boss.schedule(QUEUES.idCardSweep, '* * * * *', {});
  logInfo('workers_started');
}
