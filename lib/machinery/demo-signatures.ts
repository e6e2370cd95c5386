import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { machineryApplications } from '@/db/schema/machinery';
import { userRoles, users } from '@/db/schema/people';
import { certificates, demoKeyFiles } from '@/db/schema/pki';
import { importPkcs12 } from '@/lib/signatures/pkcs12';
import { recordSignature } from '@/lib/signatures/service';
import { canonicalBytes } from '@/lib/signatures/canonical';
import { importPrivateKey, signDetachedCms } from '@/lib/signatures/sign';
import { intakeDocumentOf, loadMachineryApplication } from './intake-service';
import { loadMachinery } from './load';
import { approvalDocumentOf, refusalDocumentOf } from './review-service';

type Signer = { iin: string; sign: (document: unknown) => Promise<string> };

/** The first persona of `role` in this scope, with their demo signing key (DEMO_MODE issues one to everyone). */
async function demoSigner(db: Db, role: 'con_operator' | 'akimat_reviewer', scope: { serviceCentreId?: number; akimatId?: number }) {
  const [row] = await db
    .select({ iin: users.iin, pkcs12: demoKeyFiles.pkcs12, password: demoKeyFiles.password })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .innerJoin(demoKeyFiles, and(eq(demoKeyFiles.userId, users.id), eq(demoKeyFiles.purpose, 'signing')))
    .innerJoin(certificates, and(eq(certificates.serial, demoKeyFiles.certificateSerial), isNull(certificates.bin)))
    .where(
      and(
        eq(userRoles.role, role),
        scope.serviceCentreId != null ? eq(userRoles.serviceCentreId, scope.serviceCentreId) : undefined,
        scope.akimatId != null ? eq(userRoles.akimatId, scope.akimatId) : undefined,
      ),
    )
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (!row) return null;
  const keys = await importPkcs12(new Uint8Array(row.pkcs12), row.password);
  const privateKey = await importPrivateKey(keys.keyPkcs8Der);
  return {
    iin: row.iin,
    sign: (document: unknown) =>
      signDetachedCms({ data: canonicalBytes(document), certPem: keys.certPem, privateKey, chainPems: keys.chainPems }),
  } satisfies Signer;
}

/**
 * Demo data only (DEMO_MODE, after the demo PKI): the seeded machinery applications (db/seed/machinery-applications.ts)
 * are made without keys, because the demo keys are issued after the seed. Here each gets what a real one carries —
 * the front-office worker's EDS over its e-application (p.6 (5), p.9) and, once decided, the akimat reviewer's EDS
 * over the decision (p.10 (4)) — signed with those personas' demo keys and verified like any other signature.
 * Idempotent: it takes only applications without a signature, and an application made through the portal has one.
 */
export async function signSeededMachinery(db: Db): Promise<{ signed: number }> {
  const pending = await db
    .select({
      id: applications.id,
      status: applications.status,
      serviceCentreId: applications.serviceCentreId,
      akimatId: applications.akimatId,
      operatorSignatureId: machineryApplications.operatorSignatureId,
      reviewerSignatureId: machineryApplications.reviewerSignatureId,
    })
    .from(applications)
    .innerJoin(machineryApplications, eq(machineryApplications.applicationId, applications.id))
    .where(
      and(
        eq(applications.pilot, 'machinery'),
        isNotNull(applications.submittedAt),
        inArray(applications.status, ['under_review', 'approved', 'issued', 'refused']),
        isNull(machineryApplications.operatorSignatureId),
      ),
    )
    .limit(500);
  const signers = new Map<string, Signer | null>();
  const signerFor = async (role: 'con_operator' | 'akimat_reviewer', id: number | null) => {
    if (id == null) return null;
    const key = `${role}:${id}`;
    if (!signers.has(key))
      signers.set(key, await demoSigner(db, role, role === 'con_operator' ? { serviceCentreId: id } : { akimatId: id }));
    return signers.get(key)!;
  };
  let signed = 0;
  for (const p of pending) {
    const operator = await signerFor('con_operator', p.serviceCentreId);
    if (!operator) continue;
    const intake = (await loadMachineryApplication(db, p.id))!;
    const document = await intakeDocumentOf(db, intake, operator.iin);
    const cms = await operator.sign(document);
    await db.transaction(async (tx) => {
      const signature = await recordSignature(tx, {
        applicationId: p.id,
        documentNumber: intake.number,
        purpose: 'machinery.intake',
        document,
        cms,
        party: { role: 'con_operator', iin: operator.iin },
      });
      await tx
        .update(machineryApplications)
        .set({ operatorSignatureId: signature.id })
        .where(eq(machineryApplications.applicationId, p.id));
    });
    signed++;
    if (p.status === 'under_review' || p.reviewerSignatureId) continue;
    const reviewer = await signerFor('akimat_reviewer', p.akimatId);
    const app = await loadMachinery(db, p.id);
    if (!reviewer || !app) continue;
    const m = app.machinery;
    const decision =
      p.status === 'refused'
        ? await refusalDocumentOf(db, app, reviewer.iin, m.refusalReasonCode ?? '', m.refusalComment ?? '')
        : await approvalDocumentOf(db, app, reviewer.iin, { technicalPassport: m.technicalPassport, plate: m.plate });
    const decisionCms = await reviewer.sign(decision);
    await db.transaction(async (tx) => {
      const signature = await recordSignature(tx, {
        applicationId: p.id,
        documentNumber: app.number,
        purpose: p.status === 'refused' ? 'machinery.refusal' : 'machinery.approval',
        document: decision,
        cms: decisionCms,
        party: { role: 'reviewer', iin: reviewer.iin },
      });
      await tx
        .update(machineryApplications)
        .set({ reviewerSignatureId: signature.id })
        .where(eq(machineryApplications.applicationId, p.id));
    });
  }
  return { signed };
}
