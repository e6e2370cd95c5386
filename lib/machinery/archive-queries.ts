// Pages and routes of the hand-over and the archive transfer read through here: the services bound to the app's db.
import 'server-only';
import { db } from '@/db';
import type { Actor, Grant } from '@/lib/auth/actor';
import { actSignatures, actsOf, canonicalOf, dueForAkimat, dueForTransferList, loadAct, type TransferAct } from './archive-service';
import { approvedAtDesk, deskApplication, recordDeskView, type DeskApplication } from './issuance-service';
import { actHash, renderTransferActPdf, type ActSignatures } from './transfer-act';

export type { ActSignatureReport, TransferAct } from './archive-service';
export type { DeskApplication } from './issuance-service';

const ctx = (actor: Actor, grant: Grant) => ({ db, actor, grant });

export const dueAtCentre = (actor: Actor, grant: Grant) => dueForTransferList(ctx(actor, grant));
export const dueAtAkimat = (actor: Actor, grant: Grant) => dueForAkimat(ctx(actor, grant));
export const transferActsOf = (actor: Actor, grant: Grant) => actsOf(ctx(actor, grant));
export const transferActFor = (actor: Actor, grant: Grant, id: string) => loadAct(ctx(actor, grant), id);
export const signaturesOfAct = (act: TransferAct) => actSignatures(db, act);
export const machineryAtDesk = (grant: Grant) => approvedAtDesk({ db, grant });
export const machineryDeskApplication = (actor: Actor, grant: Grant, id: string) => deskApplication({ db, actor, grant }, id);
export const recordMachineryDeskView = (actor: Actor, grant: Grant, app: DeskApplication) => recordDeskView({ db, actor, grant }, app);

type Catalogue = {
  Roles: Record<string, string>;
  Machinery: { action: Record<string, string>; checklist: Record<string, string> };
  MachineryArchive: { kind: Record<string, string> };
};

/** The act's PDF in `locale`, with both signatures' reports (signer, time, certificate serial). */
export async function transferActPdf(act: TransferAct, locale: 'kk' | 'ru', m: Catalogue) {
  const reports = await actSignatures(db, act);
  const signer = (side: 'akimat' | 'con_head') => {
    const r = reports.find((s) => s.side === side);
    if (!r) return undefined;
    const role = side === 'akimat' ? m.Roles.akimat_reviewer! : m.Roles.con_head!;
    return { name: r.name, role, signedAt: r.signedAt, certificateSerial: r.certificateSerial };
  };
  const signatures: ActSignatures = { akimat: signer('akimat'), frontOffice: signer('con_head') };
  return renderTransferActPdf(canonicalOf(act), locale, {
    signatures,
    actionName: (c) => m.Machinery.action[c] ?? c,
    kindName: (c) => m.MachineryArchive.kind[c] ?? c,
    // The frozen act keeps the Kazakh names it was signed with; each copy prints them in its own language.
    documentName: (c) => m.Machinery.checklist[c],
  });
}

/** The act's frozen canonical JSON and the SHA-256 of its bytes, as both parties sign them. */
export async function actDigest(act: TransferAct) {
  const canonical = canonicalOf(act);
  return { canonical, hash: await actHash(canonical) };
}
