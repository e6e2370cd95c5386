import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { applicationEvents } from '@/db/schema/applications';
import { signatures } from '@/db/schema/signatures';

/** One entry of an application's timeline, as its pages render it. */
export type TimelineEvent = typeof applicationEvents.$inferSelect;

/** An application's timeline, oldest first (one query). */
export async function timelineOf(applicationId: string) {
  return db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
}

/** The verification codes of an application's signatures (printed on its pages). */
export async function signatureCodesOf(applicationId: string) {
  return db
    .select({ id: signatures.id, partyRole: signatures.partyRole, verifyCode: signatures.verifyCode, signedAt: signatures.signedAt })
    .from(signatures)
    .where(eq(signatures.applicationId, applicationId))
    .orderBy(asc(signatures.signedAt));
}
