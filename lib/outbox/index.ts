import { outbox } from '@/db/schema/notifications';
import type { DbOrTx } from '@/db/client';

/** Attempts after which the worker stops trying an outbox row: a dead letter, for an admin to retry or discard. */
export const MAX_OUTBOX_ATTEMPTS = 10;

/**
 * A notification to a person: in the cabinet always, by SMS when `sms` is set (SPEC §2.5) to their BMG number, or,
 * when BMG has none, to the one their application names (lib/outbox/contact-phone.ts).
 */
export type NotifyPayload = {
  recipientIin: string;
  applicationId?: string;
  kind: string;
  params?: Record<string, string | number>;
  sms?: boolean;
  /** The SMS's language and number when the application names them (an applicant at a front office); else the user's and BMG's. */
  locale?: 'kk' | 'ru';
  phone?: string;
};

/**
 * Written in the caller's transaction, next to the change it announces: if the change rolls back, so does
 * the announcement. The dedupe key makes the same event announced twice one row (double submit, retries).
 */
export async function notify(tx: DbOrTx, dedupeKey: string, payload: NotifyPayload) {
  await tx.insert(outbox).values({ topic: 'notify', dedupeKey, payload }).onConflictDoNothing({ target: outbox.dedupeKey });
}
