import type { Db, DbOrTx } from '@/db/client';
import type { Pilot } from '@/db/schema/reference';
import { registerWithRpDrn, submittedIdCards, onDutyPaid } from '@/lib/id-card/citizen-service';
import { expireStaleIdCardDrafts } from '@/lib/id-card/draft-expiry';
import { advanceProduction } from '@/lib/id-card/production-service';
import { kickOutbox, kickVehiclePrintPoll, QUEUES } from '@/lib/jobs';
import { logError, logInfo } from '@/lib/log';
import { getRegistries, type Registries } from '@/lib/registries';
import { expireStaleResidence } from '@/lib/residence/citizen-service';
import { sweepConsents } from '@/lib/residence/consent-sweep';
import { onFeesPaid } from '@/lib/vehicle-registration/buyer-service';
import { pendingProcessing, processVehicleApplication, sweepBuyerDeadlines } from '@/lib/vehicle-registration/processing';
import { pilotTable } from './table';

/** A pg-boss queue a pilot works: run when kicked, and on `schedule` (cron) when it is a sweep. */
export type PilotJob = {
  queue: string;
  schedule?: string;
  run: (ctx: { db: Db; registries: Registries; data: Record<string, unknown> }) => Promise<void>;
};

export type PilotRegistration = (typeof pilotTable)[Pilot] & {
  /**
   * What a paid fee of this pilot moves on (its purpose keys start with the pilot, `vehicle:<id>:fees`). Runs
   * in the payment callback's transaction; false = the application no longer waits for it (the callback refunds).
   */
  onPaid?: (tx: DbOrTx, applicationId: string, paymentId: string) => Promise<boolean>;
  jobs: readonly PilotJob[];
};

const EVERY_MINUTE = '* * * * *';
const EVERY_FIVE_MINUTES = '*/5 * * * *';

/**
 * The one place a pilot registers. A leaf: it imports the pilots' services, so only the payment callback's
 * hook (lib/payments/on-paid.ts) and the workers (lib/jobs/workers.ts) import it; core code reads the pure
 * lib/pilots/table.ts, which this spreads, so there is no import cycle through lib/applications/core.ts.
 */
export const pilotRegistry: Record<Pilot, PilotRegistration> = {
  vehicle: {
    ...pilotTable.vehicle,
    onPaid: onFeesPaid,
    jobs: [
      {
        queue: QUEUES.vehicleProcess,
        run: async ({ db, data }) => {
          const id = String(data.applicationId);
          const outcome = await processVehicleApplication(db, getRegistries(db, { applicationId: id }), id);
          // The SRTS is at the printing house: ask again shortly, a bounded number of times (then the minute sweep).
          const attempt = Number(data.attempt ?? 0);
          if (outcome === 'printing' && attempt < 30) await kickVehiclePrintPoll(id, attempt + 1);
          await kickOutbox();
          logInfo('vehicle_processed', { outcome });
        },
      },
      // Every minute: step 19 for anything a lost kick left in `processing` (and the SRTS prints still running), then
      // buyers' reminders and expiry.
      {
        queue: QUEUES.vehicleSweep,
        schedule: EVERY_MINUTE,
        run: async ({ db, registries }) => {
          for (const { id } of await pendingProcessing(db))
            await processVehicleApplication(db, registries, id).catch((e: unknown) => logError('vehicle_process_retry', e));
          const swept = await sweepBuyerDeadlines(db);
          if (swept.expired || swept.reminded) {
            await kickOutbox();
            logInfo('vehicle_deadlines', swept);
          }
        },
      },
    ],
  },
  id_card: {
    ...pilotTable.id_card,
    onPaid: onDutyPaid,
    jobs: [
      // Steps 13–15 left by an RP DRN outage, and the simulated production.
      {
        queue: QUEUES.idCardSweep,
        schedule: EVERY_MINUTE,
        run: async ({ db, registries }) => {
          for (const { id } of await submittedIdCards(db))
            await registerWithRpDrn(db, registries, id).catch((e: unknown) => logError('id_card_rp_drn_retry', e));
          if (await advanceProduction(db, registries)) await kickOutbox();
        },
      },
      // Drafts nobody touched for params.draftTtlDays expire; the citizen is told (cabinet and SMS).
      {
        queue: QUEUES.idCardExpirySweep,
        schedule: EVERY_FIVE_MINUTES,
        run: async ({ db }) => {
          const expired = await expireStaleIdCardDrafts(db);
          if (expired) {
            await kickOutbox();
            logInfo('id_card_drafts_expired', { expired });
          }
        },
      },
    ],
  },
  machinery: { ...pilotTable.machinery, jobs: [] },
  residence: {
    ...pilotTable.residence,
    jobs: [
      // Drafts and ready applications nobody touched for params.draftTtlDays expire, and the applicant is told.
      {
        queue: QUEUES.residenceSweep,
        schedule: EVERY_FIVE_MINUTES,
        run: async ({ db }) => {
          const expired = await expireStaleResidence(db);
          if (expired) {
            await kickOutbox();
            logInfo('residence_expired', { expired });
          }
        },
      },
      // The owners' consent requests: the reminder before the end, and the expiry (SPEC §6, consentTtlHours).
      {
        queue: QUEUES.residenceConsentSweep,
        schedule: EVERY_MINUTE,
        run: async ({ db, registries }) => {
          const swept = await sweepConsents(db, registries);
          if (swept.expired || swept.reminded || swept.cancelled) {
            await kickOutbox();
            logInfo('residence_consents_swept', swept);
          }
        },
      },
    ],
  },
};
