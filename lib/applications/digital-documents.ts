import 'server-only';
import { and, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { db as portalDb } from '@/db';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { machineryApplications } from '@/db/schema/machinery';
import { machines } from '@/db/schema/registry';
import { signatures } from '@/db/schema/signatures';
import { applicationIdsOf } from './queries';

/** Final statuses whose result the orders publish to the person's Digital documents. */
const RESULT_STATUSES = ['issued', 'registered'];

/**
 * Orders 001/004 p.15: a machinery result is a ready document from the akimat's approval on (the hand-over at the
 * CON is only the paper), so `approved` machinery applications are shown too.
 */
const resultOf = (iin: string) =>
  or(
    and(ne(applications.pilot, 'machinery'), inArray(applications.status, RESULT_STATUSES)),
    and(
      eq(applications.pilot, 'machinery'),
      inArray(applications.status, ['approved', 'issued']),
      // The owner's document: a representative who came to the CON does not get it.
      inArray(
        applications.id,
        sql`(select ${machineryApplications.applicationId} from ${machineryApplications} where ${machineryApplications.ownerIin} = ${iin})`,
      ),
    ),
  );

export async function digitalDocumentsFor(iin: string, db: DbOrTx = portalDb) {
  const mine = inArray(applications.id, applicationIdsOf(iin));
  return db
    .select({
      id: applications.id,
      number: applications.number,
      pilot: applications.pilot,
      status: applications.status,
      decidedAt: applications.decidedAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .where(and(mine, resultOf(iin)))
    .orderBy(desc(applications.updatedAt))
    .limit(100);
}

/**
 * p.15: the machinery results among them with what the document says (the machine, its plate, the technical
 * passport) and the verification code of the akimat's signature, for the QR. Only the owner's: a representative
 * who came to the CON does not get the owner's document.
 */
export async function machineryDocumentsFor(iin: string, ids: readonly string[], db: DbOrTx = portalDb) {
  if (!ids.length) return [];
  return db
    .select({
      id: applications.id,
      number: applications.number,
      action: machineryApplications.action,
      plate: machines.plate,
      kind: machines.kind,
      make: machines.make,
      model: machines.model,
      year: machines.year,
      serialNumber: machines.serialNumber,
      machineStatus: machines.status,
      documentNumber: machines.documentNumber,
      technicalPassport: machineryApplications.technicalPassport,
      verifyCode: signatures.verifyCode,
    })
    .from(applications)
    .innerJoin(machineryApplications, eq(machineryApplications.applicationId, applications.id))
    .leftJoin(
      machines,
      eq(machines.serialNumber, sql`coalesce(${machineryApplications.registerId}, ${machineryApplications.serialNumber})`),
    )
    .leftJoin(signatures, eq(signatures.id, machineryApplications.reviewerSignatureId))
    .where(and(inArray(applications.id, [...ids]), eq(machineryApplications.ownerIin, iin)));
}
