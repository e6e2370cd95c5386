// A machinery application already sent to the akimat (orders 001/004, p.9): what the front office leaves behind —
// the application and its machinery row, the ticked checklist, scans stored as files, and the operator's EDS over
// the e-application — so the akimat's review can be tested without the intake service.
import { createHash, randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applicationParties, applications } from '@/db/schema/applications';
import { files } from '@/db/schema/files';
import { machineryApplications, machineryChecklists, machineryPlates, machineryScans } from '@/db/schema/machinery';
import { machines } from '@/db/schema/registry';
import { createApplication } from '@/lib/applications/core';
import { reviewDeadline } from '@/lib/calendar/deadline';
import { localYear } from '@/lib/calendar/local';
import { loadWorkCalendar } from '@/lib/calendar/work-calendar';
import type { MachineryAction, MachineryKind } from '@/lib/machinery/rules';
import { recordSignature } from '@/lib/signatures/service';
import { makeUser, uniqueIin } from './factories';
import type { trustTestPki } from './pki';

type Pki = Awaited<ReturnType<typeof trustTestPki>>;

/** A one-page PDF-looking scan, distinct per call (its hash is what the e-application carries). */
export function scanBytes(label: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${label} ${randomInt(1e9)}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

export type MachineryFixture = {
  akimatId: number;
  serviceCentreId: number;
  action?: MachineryAction;
  machineKind?: MachineryKind;
  submittedAt?: Date;
  ownerIin?: string;
  applicantLocale?: 'kk' | 'ru';
  phone?: string;
  /** For an action on a registered machine: the plate it carries now (assigned in the archive). */
  currentPlate?: string;
  regionCode?: string;
};

/** The front office's e-application (p.9), as the operator signs it. */
export function eApplication(input: {
  number: string;
  action: string;
  serial: string;
  operatorIin: string;
  scans: { itemCode: string; sha256: string }[];
}) {
  return { kind: 'machinery.e_application', ...input };
}

export async function makeMachineryApplication(db: Db, pki: Pki, f: MachineryFixture) {
  const action = f.action ?? 'registration';
  const kind = f.machineKind ?? 'tractor';
  const ownerIin = f.ownerIin ?? uniqueIin();
  const serial = `TEST-${randomInt(1e9)}-${randomInt(1e6)}`;
  const submittedAt = f.submittedAt ?? new Date();
  const calendar = await loadWorkCalendar(db);
  const operator = await makeUser(db, 'con_operator', { serviceCentreId: f.serviceCentreId });
  if (action !== 'registration') {
    await db.insert(machines).values({
      serialNumber: serial,
      kind,
      make: 'Беларус (МТЗ)',
      model: '82.1',
      year: 2020,
      ownerIin,
      plate: f.currentPlate ?? null,
      registeredRegionCode: f.regionCode ?? null,
      documentNumber: `${f.regionCode ?? '00'}TP${String(randomInt(1e7)).padStart(7, '0')}`,
      status: 'registered',
    });
    if (f.currentPlate)
      await db
        .insert(machineryPlates)
        .values({ number: f.currentPlate, regionCode: f.regionCode!, status: 'assigned', machineSerial: serial })
        .onConflictDoUpdate({ target: machineryPlates.number, set: { status: 'assigned', machineSerial: serial } });
  }
  const checklist = await db.select().from(machineryChecklists).where(eq(machineryChecklists.action, action));
  const ticks = checklist.filter((i) => i.appliesTo === 'all' || i.appliesTo === 'person').map((i) => i.itemCode);
  return db.transaction(async (tx) => {
    const app = await createApplication(
      tx,
      {
        pilot: 'machinery',
        status: 'under_review',
        applicantIin: ownerIin,
        akimatId: f.akimatId,
        serviceCentreId: f.serviceCentreId,
        submittedAt,
        deadlineAt: reviewDeadline(submittedAt, calendar),
        year: localYear(submittedAt),
      },
      null,
      null,
    );
    await tx.insert(applicationParties).values({ applicationId: app.id, iin: ownerIin, role: 'owner' }).onConflictDoNothing();
    const scans: { itemCode: string; sha256: string }[] = [];
    for (const itemCode of ticks.slice(0, 2)) {
      const bytes = scanBytes(itemCode);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const [file] = await tx
        .insert(files)
        .values({
          applicationId: app.id,
          purpose: 'machinery.scan',
          contentType: 'application/pdf',
          size: bytes.length,
          sha256,
          storage: 'db',
          content: bytes,
        })
        .returning();
      await tx.insert(machineryScans).values({ applicationId: app.id, itemCode, fileId: file!.id, sha256, pages: 1 });
      scans.push({ itemCode, sha256 });
    }
    const document = eApplication({ number: app.number, action, serial, operatorIin: operator.iin, scans });
    const cms = await pki.sign({ iin: operator.iin, surname: operator.surname, givenName: operator.givenName }, document);
    const signature = await recordSignature(tx, {
      applicationId: app.id,
      documentNumber: app.number,
      purpose: 'machinery.e_application',
      document,
      cms,
      party: { role: 'operator', iin: operator.iin },
    });
    await tx.insert(machineryApplications).values({
      applicationId: app.id,
      action,
      applicantLocale: f.applicantLocale ?? 'kk',
      ownerKind: 'person',
      ownerIin,
      identifiedIin: ownerIin,
      phone: f.phone ?? `+7705${String(randomInt(1e7)).padStart(7, '0')}`,
      machineKind: kind,
      make: 'Беларус (МТЗ)',
      model: '82.1',
      year: 2020,
      serialNumber: serial,
      registerId: action === 'registration' ? null : serial,
      checklistTicks: ticks,
      operatorSignatureId: signature.id,
    });
    const [row] = await tx.select().from(applications).where(eq(applications.id, app.id));
    return { id: app.id, number: app.number, version: row!.version, serial, ownerIin, operator };
  });
}
