import { PgBoss } from 'pg-boss';
import { logError } from '@/lib/log';

/**
 * The job queue: pg-boss on the same PostgreSQL (schema `pgboss`), so jobs commit and fail with the data and
 * need no other server. One instance per process; `startWorkers` (instrumentation.ts) adds the handlers.
 */
const g = globalThis as unknown as { qyzmetBoss?: Promise<PgBoss> };

export const QUEUES = {
  outbox: 'outbox-deliver',
  vehicleProcess: 'vehicle-process',
  vehicleSweep: 'vehicle-sweep',
  idCardSweep: 'id-card-sweep',
  idCardExpirySweep: 'id-card-expiry-sweep',
  residenceSweep: 'residence-sweep',
  residenceConsentSweep: 'residence-consent-sweep',
  paymentsReconcile: 'payments-reconcile',
  rateLimitAudit: 'rate-limit-audit',
  crlRefresh: 'crl-refresh',
  deadlineReminders: 'deadline-reminders',
} as const;

export function getBoss(): Promise<PgBoss> {
  g.qyzmetBoss ??= (async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set');
    // The schema `pgboss` is made, and given to the app's role, by db/roles.ts (`ensureAppRole`, run by the start
    // script as the owner): the app's role may not create schemas in the database (issue 14).
    const boss = new PgBoss({ connectionString: url, max: 4, application_name: 'qyzmet-jobs', createSchema: false });
    boss.on('error', (e) => logError('job_queue_error', e));
    await boss.start();
    for (const q of Object.values(QUEUES)) await boss.createQueue(q);
    return boss;
  })();
  return g.qyzmetBoss;
}

/** Asks the worker to deliver the outbox now (after a commit). Best effort: the minute schedule catches up. */
export async function kickOutbox() {
  try {
    const boss = await getBoss();
    await boss.send(QUEUES.outbox, {}, { singletonKey: 'outbox', singletonSeconds: 1 });
  } catch (e) {
    logError('kick_outbox_failed', e);
  }
}

/** Step 19 of the vehicle pilot, right after the buyer's signature commits. Best effort: the sweep catches up. */
export async function kickVehicleProcessing(applicationId: string) {
  try {
    const boss = await getBoss();
    await boss.send(QUEUES.vehicleProcess, { applicationId }, { singletonKey: applicationId, retryLimit: 5, retryDelay: 30 });
  } catch (e) {
    logError('kick_vehicle_failed', e);
  }
}

/**
 * Order 000 p.6: while the IPC prints the SRTS, step 19 runs again after `seconds` to ask how the print goes (each
 * run that still finds it printing asks for the next). Best effort: the minute sweep asks too.
 */
export async function kickVehiclePrintPoll(applicationId: string, attempt: number, seconds = 4) {
  try {
    const boss = await getBoss();
    await boss.send(QUEUES.vehicleProcess, { applicationId, attempt }, { startAfter: seconds, retryLimit: 5, retryDelay: 30 });
  } catch (e) {
    logError('kick_vehicle_failed', e);
  }
}

/** ID-card production right after an approval, and again when it should be ready (the minute sweep catches up). */
export async function kickIdCardProduction(readyAfterSeconds = 31) {
  try {
    const boss = await getBoss();
    await boss.send(QUEUES.idCardSweep, {});
    await boss.send(QUEUES.idCardSweep, {}, { startAfter: readyAfterSeconds });
  } catch (e) {
    logError('kick_id_card_failed', e);
  }
}
