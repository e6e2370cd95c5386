import 'server-only';
import { eq } from 'drizzle-orm';
import { db as portalDb } from '@/db';
import type { Db } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { users } from '@/db/schema/people';
import { payments, refunds } from '@/db/schema/payments';
import { isUuid } from '@/lib/applications/scope';
import { audit } from '@/lib/audit';
import type { Actor, Grant } from '@/lib/auth/actor';
import { grantFor, inScope } from '@/lib/auth/scope';

/** Staff who may open a payer's receipt, in the scope of the payment's application: those who check that it was paid. */
export const RECEIPT_STAFF = ['ums_reviewer', 'migration_officer', 'akimat_reviewer', 'con_operator'] as const;

/**
 * A payment's receipt for `actor`: the payer's own, or staff's whose scope holds the payment's application. Deny by
 * default: an unpaid payment (no receipt number yet), a malformed or unknown id and anyone else's all answer null,
 * so probing ids tells nothing; the refusal and every opening are audited (a staff opening names the payer, so it
 * shows in their "who viewed my data").
 */
export async function receiptFor(actor: Actor, paymentId: string, db: Db = portalDb) {
  if (!isUuid(paymentId)) return null;
  const [row] = await db
    .select({
      payment: payments,
      refundId: refunds.id,
      application: { id: applications.id, number: applications.number, regionCode: applications.regionCode },
      scope: {
        regionCode: applications.regionCode,
        akimatId: applications.akimatId,
        serviceCentreId: applications.serviceCentreId,
        registrationPointId: applications.registrationPointId,
      },
      payer: { surname: users.surname, givenName: users.givenName, patronymic: users.patronymic, locale: users.locale },
    })
    .from(payments)
    .leftJoin(refunds, eq(refunds.paymentId, payments.id))
    .leftJoin(applications, eq(applications.id, payments.applicationId))
    .leftJoin(users, eq(users.iin, payments.payerIin))
    .where(eq(payments.id, paymentId));
  const receiptNumber = row?.payment.receiptNumber;
  let grant: Grant | undefined;
  if (row && receiptNumber) {
    if (row.payment.payerIin === actor.iin) grant = grantFor(actor.grants, ['citizen']) ?? actor.grants[0];
    else if (row.application?.id)
      grant = actor.grants.find((g) => (RECEIPT_STAFF as readonly string[]).includes(g.role) && inScope(g, row.scope ?? {}));
  }
  if (!row || !receiptNumber || !grant) {
    await audit(db, actor, actor.grants[0] ?? null, {
      action: 'access.denied',
      applicationId: row?.application?.id ?? null,
      data: { view: 'payment.receipt', id: paymentId },
    });
    return null;
  }
  const byPayer = row.payment.payerIin === actor.iin;
  await audit(db, actor, grant, {
    action: 'payment.receipt_viewed',
    applicationId: row.application?.id ?? null,
    subjectIin: byPayer ? null : row.payment.payerIin,
    data: { payment: row.payment.id, receipt: receiptNumber },
  });
  return {
    payment: { ...row.payment, receiptNumber },
    refunded: row.refundId !== null,
    applicationNumber: row.application?.number ?? null,
    payer: row.payer,
    viewer: byPayer ? ('payer' as const) : ('staff' as const),
  };
}
