import { connect } from '@/db/client';
import { logInfo } from '@/lib/log';
import { deliverOutbox } from '@/lib/outbox/deliver';
import { getBoss, QUEUES } from './index';

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
  logInfo('workers_started');
}
