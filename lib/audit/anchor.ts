import { X509Certificate, createPrivateKey, sign, verify, type KeyObject } from 'node:crypto';
import { desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditAnchors, auditEvents } from '@/db/schema/audit';
import { demoPkiAuthorities } from '@/db/schema/pki';
import { config } from '@/lib/config';
import { anchorMessage } from './anchor-message';

export type AnchorSigner = { key: KeyObject; certPem: string };

/**
 * The portal's key for anchors (issue 14): QYZMET_AUDIT_SIGNING_KEY/_CERT when set; in demo mode the demo PKI's
 * intermediate CA, the same key that signs the portal's CRL; otherwise none, and nothing is anchored.
 */
export async function portalAnchorSigner(db: DbOrTx): Promise<AnchorSigner | null> {
  const c = config();
  if (c.QYZMET_AUDIT_SIGNING_KEY && c.QYZMET_AUDIT_SIGNING_CERT)
    return { key: createPrivateKey(c.QYZMET_AUDIT_SIGNING_KEY), certPem: c.QYZMET_AUDIT_SIGNING_CERT };
  if (c.DEMO_MODE !== '1') return null;
  const [ca] = await db.select().from(demoPkiAuthorities).where(eq(demoPkiAuthorities.name, 'intermediate'));
  return ca ? { key: createPrivateKey({ key: ca.keyPkcs8, format: 'der', type: 'pkcs8' }), certPem: ca.certPem } : null;
}

export const signAnchor = (message: string, signer: AnchorSigner) => sign('sha256', Buffer.from(message), signer.key).toString('base64');

export function anchorSignatureValid(a: { at: Date; sealedUpTo: number; hash: string; signature: string; signerCertPem: string }) {
  try {
    const key = new X509Certificate(a.signerCertPem).publicKey;
    return verify('sha256', Buffer.from(anchorMessage(a)), key, Buffer.from(a.signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Signs the latest sealed hash and stores it through `audit_anchor_add()`, which reads the hash from the chain
 * itself. Nothing new since the last anchor, or no key: null.
 */
export async function anchorAudit(db: DbOrTx, signer?: AnchorSigner | null) {
  const [head] = await db
    .select({ seq: auditEvents.sealSeq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(isNotNull(auditEvents.sealSeq))
    .orderBy(desc(auditEvents.sealSeq))
    .limit(1);
  if (!head?.seq || !head.hash) return null;
  const last = await latestAnchor(db);
  if (last && last.sealedUpTo >= head.seq) return null;
  const key = signer === undefined ? await portalAnchorSigner(db) : signer;
  if (!key) return null;
  const at = new Date();
  const signature = signAnchor(anchorMessage({ at, sealedUpTo: head.seq, hash: head.hash }), key);
  await db.execute(sql`select audit_anchor_add(${at.toISOString()}::timestamptz, ${head.seq}::bigint, ${signature}, ${key.certPem})`);
  return { at, sealedUpTo: head.seq, hash: head.hash };
}

/** The newest anchor: when it was made and up to which sealed position (for the chain check and /api/health). */
export async function latestAnchor(db: DbOrTx): Promise<{ at: Date; sealedUpTo: number } | null> {
  const [a] = await db
    .select({ at: auditAnchors.at, sealedUpTo: auditAnchors.sealedUpTo })
    .from(auditAnchors)
    .orderBy(desc(auditAnchors.sealedUpTo))
    .limit(1);
  return a ?? null;
}

/** Every anchor, oldest first: what `npm run audit:export` writes for an operator to keep elsewhere. */
export const allAnchors = (db: DbOrTx) => db.select().from(auditAnchors).orderBy(auditAnchors.sealedUpTo);
