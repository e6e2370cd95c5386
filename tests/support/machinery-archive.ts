// Machinery applications already decided (as the akimat's review leaves them), written straight into the database:
// the hand-over and the archive transfer need no intake or review code to be tested.
import { createHash, randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { files } from '@/db/schema/files';
import { machineryApplications, machineryScans } from '@/db/schema/machinery';
import * as r from '@/db/schema/registry';
import { uniqueIin } from './factories';

let n = 0;

export type DecidedOptions = {
  akimatId: number;
  serviceCentreId: number;
  status?: 'approved' | 'issued' | 'refused' | 'under_review';
  /** When the akimat decided; default 40 days ago. */
  decidedAt?: Date;
  ownerIin?: string;
  representative?: { iin: string; validUntil: string } | null;
  action?: 'registration' | 're_registration' | 'deregistration' | 'duplicate_document' | 'duplicate_plate';
  /** Scans of the package (item codes); each gets a stored file and its SHA-256. */
  scans?: readonly string[];
};

export const daysAgo = (d: number, from = new Date()) => new Date(from.getTime() - d * 86_400_000);

/** A decided machinery application with its machinery row and scans. */
export async function decidedMachinery(db: Db, o: DecidedOptions) {
  n++;
  const seq = randomInt(100_000, 999_999);
  const ownerIin = o.ownerIin ?? uniqueIin();
  const status = o.status ?? 'approved';
  const [app] = await db
    .insert(applications)
    .values({
      number: `AM-2026-${seq}`,
      pilot: 'machinery',
      status,
      applicantIin: ownerIin,
      akimatId: o.akimatId,
      serviceCentreId: o.serviceCentreId,
      submittedAt: daysAgo(41),
      decidedAt: status === 'under_review' ? null : (o.decidedAt ?? daysAgo(40)),
    })
    .returning();
  await db.insert(machineryApplications).values({
    applicationId: app!.id,
    action: o.action ?? 'registration',
    ownerKind: 'person',
    ownerIin,
    representativeIin: o.representative?.iin ?? null,
    powerOfAttorneyNumber: o.representative ? `POA-${seq}` : null,
    powerOfAttorneyValidUntil: o.representative?.validUntil ?? null,
    machineKind: 'tractor',
    make: 'Belarus',
    model: '82.1',
    year: 2024,
    serialNumber: `TEST-${seq}-${n}`,
    plate: status === 'refused' ? null : `T ${String(1000 + (seq % 9000))} 02`,
    issuedDocumentSerial: status === 'issued' ? 'KZ 7000001' : null,
    issuedPlateSerial: status === 'issued' ? '700000001' : null,
    issuedAt: status === 'issued' ? daysAgo(39) : null,
  });
  for (const code of o.scans ?? ['identity_document', 'machine_passport']) {
    const bytes = Buffer.from(`${app!.number}:${code}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const [file] = await db
      .insert(files)
      .values({
        applicationId: app!.id,
        purpose: 'machinery.scan',
        contentType: 'application/pdf',
        size: bytes.length,
        sha256,
        storage: 'db',
        content: bytes,
      })
      .returning();
    await db.insert(machineryScans).values({ applicationId: app!.id, itemCode: code, fileId: file!.id, sha256 });
  }
  return app!;
}

/** A GBD FL person with a document number and Digital-ID flags, for the desk's identity check. */
export async function deskPerson(db: Db, opts: { biometricsOk?: boolean } = {}) {
  const iin = uniqueIin();
  const docNumber = `N${iin.slice(-8)}`;
  await db.insert(r.persons).values({
    iin,
    surnameKk: 'Иесі',
    surnameRu: 'Владелец',
    givenNameKk: 'Тест',
    givenNameRu: 'Тест',
    surnameLat: 'IESI',
    givenNameLat: 'TEST',
    birthDate: '1985-01-01',
    sex: 'male',
    docNumber,
    docIssuedOn: '2020-01-01',
    docExpiresOn: '2030-01-01',
    livenessOk: opts.biometricsOk ?? true,
    faceMatchOk: opts.biometricsOk ?? true,
  });
  return { iin, docNumber };
}

export async function machineryRow(db: Db, id: string) {
  const [row] = await db.select().from(machineryApplications).where(eq(machineryApplications.applicationId, id));
  return row!;
}
