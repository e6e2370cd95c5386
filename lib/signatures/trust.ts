import { readFileSync } from 'node:fs';
import type { DbOrTx } from '@/db/client';
import { demoPkiAuthorities } from '@/db/schema/pki';
import { revokedCertificates } from '@/db/schema/signatures';

export type TrustStore = { trustedRoots: string[]; intermediates: string[]; revokedSerials: string[] };

function pemsFromFile(path: string | undefined): string[] {
  if (!path) return [];
  return readFileSync(path, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

/**
 * Whom the portal trusts: the NUC roots and intermediates from EDS_TRUSTED_ROOTS / EDS_INTERMEDIATES (PEM
 * files) in production, plus the demo PKI's own CA in demo mode; the CRL from the database.
 */
export async function loadTrustStore(db: DbOrTx): Promise<TrustStore> {
  const trustedRoots = pemsFromFile(process.env.EDS_TRUSTED_ROOTS);
  const intermediates = pemsFromFile(process.env.EDS_INTERMEDIATES);
  if (process.env.DEMO_MODE === '1') {
    for (const a of await db.select().from(demoPkiAuthorities)) (a.name === 'root' ? trustedRoots : intermediates).push(a.certPem);
  }
  const revokedSerials = (await db.select({ serial: revokedCertificates.serial }).from(revokedCertificates)).map((r) => r.serial);
  return { trustedRoots, intermediates, revokedSerials };
}
