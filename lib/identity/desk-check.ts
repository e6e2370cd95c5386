// The issuance desks' identity step (order 000 p.9–10, order 002 p.19): the presented document against GBD FL's
// current document of the applicant, the GBD FL photo for the visual comparison, and a recorded refusal otherwise.
import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { applicationEvents } from '@/db/schema/applications';
import { audit } from '@/lib/audit';
import { toLocalDate } from '@/lib/calendar/deadline';
import { DomainError } from '@/lib/errors';
import type { ServiceContext as Ctx } from '@/lib/service-context';
import { checkPresentedDocument } from './at-desk';
import { normalizeDocumentNumber, type DeskPerson, type DocumentSource } from './presented-document';

export type { DeskPerson } from './presented-document';

export type DeskCheckInput = {
  applicationId: string;
  /** The IIN the application is for: the buyer (vehicle) or the applicant (ID card). Never shown before the check. */
  expectedIin: string;
  documentNumber: string;
  source: DocumentSource;
  /** The audit purpose: `vehicle.issuance`, `id_card.issuance`. */
  purpose: string;
};

/**
 * Passes or throws `issuance_not_in_person` / `issuance_document_not_current`. A refusal is recorded before the
 * throw, in its own transaction: an audit row (naming whoever's document it was) and an entry on the application's
 * timeline, once per application, document and day, so a double submit records it once.
 */
export async function checkPersonAtDesk(ctx: Ctx, input: DeskCheckInput): Promise<DeskPerson> {
  const number = normalizeDocumentNumber(input.documentNumber);
  const result = await checkPresentedDocument(ctx.registries.gbdFl, input.expectedIin, number);
  if (!result.ok) {
    await recordRefusal(ctx, input, result.code, result.holderIin, number);
    throw new DomainError(`issuance_${result.code}`);
  }
  await ctx.db.transaction((tx) =>
    audit(tx, ctx.actor, ctx.grant, {
      action: 'person.identified',
      applicationId: input.applicationId,
      subjectIin: result.person.iin,
      data: { purpose: input.purpose, source: input.source },
    }),
  );
  const { iin, names, birthDate, photoSeed } = result.person;
  return { iin, names, birthDate, photoSeed, documentNumber: result.person.document.number, source: input.source };
}

async function recordRefusal(ctx: Ctx, input: DeskCheckInput, code: string, holderIin: string | null, number: string) {
  // The timeline keeps a digest, not the number: the applicant sees the timeline, the document may be a stranger's.
  const document = createHash('sha256').update(number).digest('hex');
  const type = `issuance_refused_${code}`;
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`desk-refusal:${input.applicationId}`}))`);
    const [seen] = await tx
      .select({ id: applicationEvents.id })
      .from(applicationEvents)
      .where(
        and(
          eq(applicationEvents.applicationId, input.applicationId),
          eq(applicationEvents.type, type),
          sql`${applicationEvents.data}->>'document' = ${document}`,
          sql`(${applicationEvents.at} at time zone 'Asia/Almaty')::date = ${toLocalDate(new Date())}::date`,
        ),
      )
      .limit(1);
    if (seen) return;
    await tx.insert(applicationEvents).values({
      applicationId: input.applicationId,
      type,
      actorUserId: ctx.actor.userId,
      actorRole: ctx.grant.role,
      data: { code, source: input.source, document },
    });
    await audit(tx, ctx.actor, ctx.grant, {
      action: 'issuance.refused',
      applicationId: input.applicationId,
      subjectIin: holderIin,
      data: { purpose: input.purpose, code, source: input.source },
    });
  });
}
