'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/form-action';
import { audit } from '@/lib/audit';
import { verifyAuditChain } from '@/lib/audit/verify';
import { db } from '@/db';
import { registrySystems } from '@/db/schema/registry-ops';
import { clearFaults, getFaults, getRegistries, invalidateFaultCache, isRegistryUnavailable, setFault } from '@/lib/registries';
import { probes } from './probe';
import { revokedCertificates } from '@/db/schema/signatures';
import { revokeSchema } from '@/lib/signatures/revocation';
import { endSessionsOfCertificate } from '@/lib/auth/sign-in';
import { rowSchema } from './reference-form';
import { saveReferenceRow } from './reference-service';
import { isReferenceTable, referenceRowChecks, referenceTables } from './reference-tables';

const refEnvelope = z.object({ _table: z.string().refine(isReferenceTable, 'invalid_value'), _key: z.string().max(100) }).loose();

/** Saves one reference row; the form's own fields are validated against the table's column specs. */
export const saveReferenceRowAction = formAction(['admin'], refEnvelope, async ({ actor, grant, input }) => {
  const name = input._table as keyof typeof referenceTables;
  const isNew = input._key === 'new';
  const parsed = rowSchema(referenceTables[name].columns, isNew).safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues)
      (fieldErrors[i.path.join('.')] ??= []).push(/^[a-z_]+$/.test(i.message) ? i.message : 'invalid_value');
    return { ok: false, code: 'invalid', fieldErrors };
  }
  const rowProblems = referenceRowChecks[name]?.(isNew ? String(parsed.data.pilot ?? '') : input._key, parsed.data);
  if (rowProblems) {
    // What the admin typed stays in the form.
    const values = Object.fromEntries(
      Object.entries(input).filter((e): e is [string, string] => typeof e[1] === 'string' && !e[0].startsWith('$')),
    );
    return { ok: false, code: 'invalid', fieldErrors: rowProblems, values };
  }
  const key = await saveReferenceRow(actor, grant, name, isNew ? null : input._key, parsed.data);
  revalidatePath('/[locale]/admin/reference', 'layout');
  return { ok: true, data: { key }, message: 'saved' };
});

const faultSchema = z.object({
  system: z.enum(registrySystems),
  latencyMs: z.coerce.number({ message: 'number_invalid' }).int('number_invalid').min(0, 'invalid_value').max(60_000, 'invalid_value'),
  errorRatePercent: z.coerce.number({ message: 'number_invalid' }).min(0, 'invalid_value').max(100, 'invalid_value'),
  outage: z.enum(['none', 'now', 'keep']),
  outageMinutesAgo: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .optional()
    .catch(undefined),
});

/** Sets a registry fault (SPEC §2.1). "Outage since N minutes ago" lets the 10-minute rule be tried at once. */
export const setFaultAction = formAction(['admin'], faultSchema, async ({ actor, grant, input }) => {
  await db.transaction(async (tx) => {
    const kept = (await getFaults(tx)).find((f) => f.system === input.system)?.outageSince ?? null;
    const outageSince =
      input.outage === 'keep' ? kept : input.outage === 'none' ? null : new Date(Date.now() - (input.outageMinutesAgo ?? 0) * 60_000);
    await setFault(tx, input.system, { latencyMs: input.latencyMs, errorRate: input.errorRatePercent / 100, outageSince });
    await audit(tx, actor, grant, {
      action: 'registry.fault_set',
      data: { system: input.system, latencyMs: input.latencyMs, errorRate: input.errorRatePercent, outage: input.outage },
    });
  });
  invalidateFaultCache();
  revalidatePath('/[locale]/admin/faults', 'page');
  return { ok: true, message: 'saved' };
});

export const clearFaultsAction = formAction(['admin'], z.object({}), async ({ actor, grant }) => {
  await db.transaction(async (tx) => {
    await clearFaults(tx);
    await audit(tx, actor, grant, { action: 'registry.faults_cleared' });
  });
  invalidateFaultCache();
  revalidatePath('/[locale]/admin/faults', 'page');
  return { ok: true, message: 'saved' };
});

/**
 * The audit chain check (issues 14, 16): the sealed rows recomputed and compared with every signed anchor; how many
 * rows wait for the sealer and how old the last anchor is.
 */
export const verifyAuditChainAction = formAction(['admin'], z.object({}), async ({ actor, grant }) => {
  const report = await db.transaction(async (tx) => {
    const r = await verifyAuditChain(tx);
    await audit(tx, actor, grant, {
      action: 'audit.chain_verified',
      data: {
        broken: r.brokenId,
        brokenBy: r.brokenBy,
        checked: r.checked,
        unsealed: r.unsealed,
        anchoredUpTo: r.anchor?.sealedUpTo ?? null,
      },
    });
    return r;
  });
  return { ok: true, data: { ...report, anchor: report.anchor && { ...report.anchor, at: report.anchor.at.toISOString() } } };
});

/** "Check": one harmless call to the system through the fault layer, so an admin sees what users would see. */
export const probeRegistryAction = formAction(['admin'], z.object({ system: z.enum(registrySystems) }), async ({ actor, grant, input }) => {
  let answered = true;
  try {
    await probes[input.system](getRegistries(db));
  } catch (e) {
    if (!isRegistryUnavailable(e)) throw e;
    answered = false;
  }
  await db.transaction((tx) => audit(tx, actor, grant, { action: 'registry.probe', data: { system: input.system, answered } }));
  return { ok: true, data: { answered } };
});

/** Revokes a certificate (demo PKI CRL): from now on it fails verification and EDS sign-in, and its sessions end. */
export const revokeCertificateAction = formAction(['admin'], revokeSchema, async ({ actor, grant, input }) => {
  const revoked = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(revokedCertificates)
      .values({ serial: input.serial, reason: input.reason })
      .onConflictDoNothing()
      .returning();
    if (!row) return false;
    // Issue 14: the sessions this certificate opened end with it, in the same transaction.
    const sessionsEnded = await endSessionsOfCertificate(tx, input.serial);
    await audit(tx, actor, grant, {
      action: 'pki.certificate_revoked',
      data: { serial: input.serial, reason: input.reason, sessionsEnded },
    });
    return true;
  });
  revalidatePath('/[locale]/admin/certificates', 'page');
  return { ok: true, message: revoked ? 'revoked' : 'already_revoked' };
});
