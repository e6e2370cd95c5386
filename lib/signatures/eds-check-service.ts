import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { signatures } from '@/db/schema/signatures';
import type { Actor, Grant } from '@/lib/auth/actor';
import { audit } from '@/lib/audit';
import { DomainError } from '@/lib/errors';
import { edsCheckDocument, edsCheckFresh, type EdsCheckInput } from './eds-check';
import { recordSignature } from './service';

export const EDS_CHECK_PURPOSE = 'eds_check';

export function signerName(actor: Pick<Actor, 'surname' | 'givenName' | 'patronymic'>) {
  return [actor.surname, actor.givenName, actor.patronymic].filter(Boolean).join(' ');
}

/**
 * Records a signed "check my EDS" statement. The statement is rebuilt here from the actor and the few fields
 * the page sent; a second submit of the same statement returns the first signature (no second row).
 */
export async function signEdsCheck(
  db: Db,
  actor: Actor,
  grant: Grant,
  input: {
    number: string;
    createdAt: string;
    locale: EdsCheckInput['locale'];
    bin?: string;
    cms: string;
    statement: string;
    now?: Date;
  },
) {
  if (!edsCheckFresh(input.createdAt, input.now ?? new Date())) throw new DomainError('eds_check_expired');
  // Signing as an organisation's employee needs that organisation's dealer grant.
  if (input.bin && !actor.grants.some((g) => g.role === 'dealer' && g.dealerBin === input.bin)) throw new DomainError('forbidden');
  const document = edsCheckDocument({
    number: input.number,
    createdAt: input.createdAt,
    locale: input.locale,
    statement: input.statement,
    signer: { iin: actor.iin, name: signerName(actor), bin: input.bin },
  });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${input.number}))`);
    const [existing] = await tx
      .select()
      .from(signatures)
      .where(and(eq(signatures.documentNumber, input.number), eq(signatures.purpose, EDS_CHECK_PURPOSE)));
    if (existing) {
      if (existing.signerIin !== actor.iin) throw new DomainError('forbidden');
      return existing;
    }
    const row = await recordSignature(tx, {
      documentNumber: input.number,
      purpose: EDS_CHECK_PURPOSE,
      document,
      cms: input.cms,
      party: { role: input.bin ? 'dealer' : 'applicant', iin: actor.iin, bin: input.bin ?? null },
    });
    await audit(tx, actor, grant, {
      action: 'signature.eds_check',
      data: { signature: row.id, number: input.number, certificate: row.certificateSerial },
    });
    return row;
  });
}
