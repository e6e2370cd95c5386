// Deny by default: every server action is walked for every role. The table below is the decision of who may
// call what; an action that is not in it, or whose roles differ from it, fails this test.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '@/db/schema/audit';
import { roles, type Role } from '@/db/schema/people';
import type { Actor } from '@/lib/auth/actor';
import { freshDatabase } from '@/tests/support/db';
import { makeScopes, makeUser, scopeFor } from '@/tests/support/factories';

/** Who may call each server action (file:export). `public` = no session by design (say why in the file). */
const allowed: Record<string, readonly Role[] | 'public' | 'session'> = {
  'lib/notifications/actions.ts:markReadAction': ['citizen'],
  'lib/admin/actions.ts:saveReferenceRowAction': ['admin'],
  'lib/admin/actions.ts:setFaultAction': ['admin'],
  'lib/admin/actions.ts:clearFaultsAction': ['admin'],
  'lib/admin/actions.ts:verifyAuditChainAction': ['admin'],
  'lib/admin/actions.ts:probeRegistryAction': ['admin'],
  'lib/ops/actions.ts:retryStuckAction': ['admin'],
  'lib/ops/actions.ts:retryOutboxAction': ['admin'],
  'lib/ops/actions.ts:discardOutboxAction': ['admin'],
  'lib/ops/actions.ts:jobAction': ['admin'],
  'lib/admin/actions.ts:revokeCertificateAction': ['admin'],
  // Issue 14: disabling an account (and ending its sessions) is the admin's.
  'lib/admin/user-actions.ts:setUserDisabledAction': ['admin'],
  // Vehicle registration, the seller part: dealer employees only (and the service checks the BIN scope).
  'lib/vehicle-registration/actions.ts:startRegistrationAction': ['dealer'],
  'lib/vehicle-registration/actions.ts:setBuyerAction': ['dealer'],
  'lib/vehicle-registration/actions.ts:reopenDraftAction': ['dealer'],
  'lib/vehicle-registration/actions.ts:signAsSellerAction': ['dealer'],
  'lib/vehicle-registration/actions.ts:cancelByDealerAction': ['dealer'],
  // The buyer's part: a citizen, and the service checks they are this application's buyer.
  'lib/vehicle-registration/actions.ts:acceptOfferAction': ['citizen'],
  'lib/vehicle-registration/actions.ts:recheckFinesAction': ['citizen'],
  'lib/vehicle-registration/actions.ts:payFinesInSimulatorAction': ['citizen'],
  'lib/vehicle-registration/actions.ts:declineOfferAction': ['citizen'],
  'lib/vehicle-registration/actions.ts:saveDetailsAction': ['citizen'],
  'lib/vehicle-registration/actions.ts:changeDetailsAction': ['citizen'],
  'lib/vehicle-registration/actions.ts:payFeesAction': ['citizen'],
  'lib/vehicle-registration/actions.ts:signAsBuyerAction': ['citizen'],
  // Chapter 2 at the CON: reception issues tickets, the issuance desk calls and hands over (scope: their CON).
  'lib/vehicle-registration/actions.ts:issueTicketAction': ['con_reception'],
  'lib/vehicle-registration/actions.ts:callNextAction': ['con_issuance'],
  'lib/vehicle-registration/actions.ts:checkBuyerAtDeskAction': ['con_issuance'],
  'lib/vehicle-registration/actions.ts:issueDocumentsAction': ['con_issuance'],
  // ID-card renewal: the citizen's steps, the UMS DP decision, the registration point's hand-over.
  'lib/id-card/actions.ts:askConsentAction': ['citizen'],
  'lib/id-card/actions.ts:refuseConsentAction': ['citizen'],
  'lib/id-card/actions.ts:startRenewalAction': ['citizen'],
  'lib/id-card/actions.ts:withdrawRenewalAction': ['citizen'],
  'lib/id-card/actions.ts:saveFormAction': ['citizen'],
  'lib/id-card/upload-actions.ts:uploadPhotoAction': ['citizen'],
  'lib/id-card/upload-actions.ts:uploadSignatureAction': ['citizen'],
  'lib/id-card/actions.ts:signAndSubmitAction': ['citizen'],
  'lib/id-card/actions.ts:payDutyAction': ['citizen'],
  'lib/id-card/actions.ts:approveAction': ['ums_reviewer'],
  'lib/id-card/actions.ts:annulAction': ['ums_reviewer'],
  'lib/id-card/actions.ts:checkApplicantAtPointAction': ['migration_officer'],
  'lib/id-card/actions.ts:issueCardAction': ['migration_officer'],
  // Machinery (orders 001/004): the akimat approves or refuses with EDS (p.10 (4), p.12, p.13); the CON desk hands over (p.11); the akimat forms and signs the archive's transfer
  // act, the head of the front office signs it (p.16–17). The services check the CON / akimat scope.
  // The front office's intake (p.5–9): reception or the worker gives the ticket; every step is the worker's.
  'lib/machinery/intake-actions.ts:issueTicketAction': ['con_operator', 'con_reception'],
  'lib/machinery/intake-actions.ts:callNextAction': ['con_operator'],
  'lib/machinery/intake-actions.ts:chooseActionAction': ['con_operator'],
  'lib/machinery/intake-actions.ts:identifyAction': ['con_operator'],
  'lib/machinery/intake-actions.ts:setOwnerAction': ['con_operator'],
  'lib/machinery/intake-actions.ts:setMachineAction': ['con_operator'],
  'lib/machinery/intake-actions.ts:checklistAction': ['con_operator'],
  'lib/machinery/intake-actions.ts:refuseIncompleteAction': ['con_operator'],
  'lib/machinery/intake-actions.ts:checkFeesAction': ['con_operator'],
  'lib/machinery/scan-upload-actions.ts:addScanAction': ['con_operator'],
  'lib/machinery/intake-actions.ts:removeScanAction': ['con_operator'],
  'lib/machinery/intake-actions.ts:signAndSubmitAction': ['con_operator'],
  'lib/machinery/review-actions.ts:approveMachineryAction': ['akimat_reviewer'],
  'lib/machinery/review-actions.ts:refuseMachineryAction': ['akimat_reviewer'],
  'lib/machinery/issuance-actions.ts:issueMachineryAction': ['con_issuance'],
  'lib/machinery/archive-actions.ts:formTransferActAction': ['akimat_reviewer'],
  'lib/machinery/archive-actions.ts:signActAsAkimatAction': ['akimat_reviewer'],
  'lib/machinery/archive-actions.ts:signActAsConHeadAction': ['con_head'],
  // Residence registration online (order 003): the citizen's own steps; the service checks it is their application.
  'lib/residence/citizen-actions.ts:startResidenceAction': ['citizen'],
  'lib/residence/citizen-actions.ts:chooseDwellingAction': ['citizen'],
  'lib/residence/citizen-actions.ts:saveArrivalFormAction': ['citizen'],
  'lib/residence/citizen-actions.ts:finishDraftAction': ['citizen'],
  'lib/residence/citizen-actions.ts:signResidenceAction': ['citizen'],
  'lib/residence/citizen-actions.ts:withdrawResidenceAction': ['citizen'],
  // Residence (order 003, SPEC §6): an owner answers a consent request; the service checks it is addressed to them.
  'lib/residence/consent-actions.ts:consentAction': ['citizen'],
  'lib/residence/consent-actions.ts:declineConsentAction': ['citizen'],
  // Residence registration at a CON (order 003, p.3–8): reception's ticket for the operating hall; every hall step
  // is the operating-hall worker's (the service checks the CON scope).
  'lib/residence/con-actions.ts:issueResidenceTicketAction': ['con_reception'],
  'lib/residence/con-actions.ts:callNextResidenceAction': ['con_operator'],
  'lib/residence/con-actions.ts:checkOwnerAction': ['con_operator'],
  'lib/residence/con-actions.ts:formApplicationAction': ['con_operator'],
  'lib/residence/con-actions.ts:refuseAtDeskAction': ['con_operator'],
  'lib/residence/con-actions.ts:astanaClaimAction': ['con_operator'],
  'lib/residence/con-actions.ts:arrivalFormAction': ['con_operator'],
  'lib/residence/con-actions.ts:signAndRegisterAction': ['con_operator'],
  // Residence, Astana's step 4 (order 003 p.10): the applicant's claim; the service checks it is their own draft.
  'lib/residence/astana-actions.ts:submitAstanaClaimAction': ['citizen'],
  // "Check my EDS": everybody who signs in has keys to try.
  'lib/signatures/actions.ts:signEdsCheckAction': roles,
  // Sign-in creates the session; sign-out ends whatever session there is.
  'lib/auth/actions.ts:demoSignInAction': 'public',
  'lib/auth/actions.ts:signOutAction': 'session',
  // EDS sign-in: the challenge and its signed answer come before any session exists.
  'lib/auth/actions.ts:requestChallengeAction': 'public',
  'lib/auth/actions.ts:edsSignInAction': 'public',
  // A staff search posted instead of put in the URL: each search checks its own area's roles (lib/http/search-actions.ts).
  'lib/http/search-actions.ts:sealedSearchAction': 'session',
  // The payment gateway simulator's own page: the bank's page in production, reachable by invoice link.
  'app/[locale]/gateway/pay/[invoiceId]/actions.ts:completeGatewayPaymentAction': 'public',
};

let current: Actor | null = null;
vi.mock('@/lib/auth/session', () => ({ getActor: async () => current }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

function actionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : actionFiles(p);
    // `actions.ts`, and a pilot's per-part files (`lib/machinery/archive-actions.ts`…).
    return /(^|-)actions\.ts$/.test(e.name) ? [p] : [];
  });
}

const root = path.resolve(import.meta.dirname, '../..');
const files = [...actionFiles(path.join(root, 'lib')), ...actionFiles(path.join(root, 'app'))].map((f) => path.relative(root, f));

let database: Awaited<ReturnType<typeof freshDatabase>>;
const actors = new Map<Role, Actor>();

beforeAll(async () => {
  database = await freshDatabase();
  process.env.DATABASE_URL = database.appUrl; // '@/db' connects lazily, on first use
  const scopes = await makeScopes(database.db);
  for (const role of roles) actors.set(role, await makeUser(database.db, role, scopeFor(role, scopes)));
});
afterAll(async () => {
  await database.drop();
});

describe('server action access matrix', () => {
  it('finds the action files', () => expect(files.length).toBeGreaterThanOrEqual(4));

  it('every exported action is in the table, and every table row exists', async () => {
    const found: string[] = [];
    for (const f of files) {
      const mod = (await import(path.join(root, f))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) if (typeof value === 'function') found.push(`${f}:${name}`);
    }
    expect(found.sort()).toEqual(Object.keys(allowed).sort());
  });

  for (const [id, rule] of Object.entries(allowed)) {
    if (rule === 'public' || rule === 'session') continue;
    const [file, name] = id.split(':') as [string, string];
    it(`${id}: declares exactly ${rule.join(', ')}`, async () => {
      const action = (await import(path.join(root, file)))[name] as { roles: readonly Role[] };
      expect([...action.roles].sort()).toEqual([...rule].sort());
    });
    it(`${id}: signed out → unauthenticated; each role allowed or forbidden as the table says`, async () => {
      const action = (await import(path.join(root, file)))[name] as (
        prev: unknown,
        form: FormData,
      ) => Promise<{ ok: boolean; code?: string }>;
      current = null;
      expect(await action({ ok: true }, new FormData())).toMatchObject({ ok: false, code: 'unauthenticated' });
      for (const role of roles) {
        current = actors.get(role)!;
        const result = await action({ ok: true }, new FormData());
        if (rule.includes(role)) expect(['forbidden', 'unauthenticated'], `${role} should pass the gate`).not.toContain(result.code);
        else expect(result, `${role} must be refused`).toMatchObject({ ok: false, code: 'forbidden' });
      }
      current = null;
    });
  }

  it('a refusal for want of a role is audited: who, the roles and scopes held, what was required (issue 14)', async () => {
    const citizen = actors.get('citizen')!;
    const action = (await import(path.join(root, 'lib/admin/actions.ts'))).clearFaultsAction as (
      prev: unknown,
      form: FormData,
    ) => Promise<{ ok: boolean; code?: string }>;
    current = citizen;
    expect(await action({ ok: true }, new FormData())).toMatchObject({ ok: false, code: 'forbidden' });
    current = null;
    const rows = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'access.forbidden'), eq(auditEvents.actorUserId, citizen.userId)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.at(-1)!.data).toEqual({ via: 'action', required: ['admin'], held: ['citizen@self'] });
  });
});
