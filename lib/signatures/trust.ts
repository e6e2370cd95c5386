import { readFileSync } from 'node:fs';
import type { DbOrTx } from '@/db/client';
import { demoPkiAuthorities } from '@/db/schema/pki';
import { revokedCertificates } from '@/db/schema/signatures';
import { loadCrlSnapshots } from './crl-cache';
import type { CrlSnapshot } from './crl-check';

export type TrustStore = {
  trustedRoots: string[];
  intermediates: string[];
  revokedSerials: string[];
  /** The CRLs of NUC CAs the CRL job has fetched and checked (crl-cache.ts). */
  crls: CrlSnapshot[];
  /** The portal's own CAs (demo PKI): for their certificates the revoked_certificates table is the CRL. */
  localCas: string[];
};

function pemsFromFile(path: string | undefined): string[] {
  if (!path) return [];
  return readFileSync(path, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

/**
 * Whom the portal trusts: the NUC roots and intermediates from EDS_TRUSTED_ROOTS / EDS_INTERMEDIATES (PEM
 * files) in production, plus the demo PKI's own CA in demo mode; the portal's revocation table and the cached
 * CRLs of the NUC CAs from the database.
 */
export async function loadTrustStore(db: DbOrTx): Promise<TrustStore> {
  const trustedRoots = pemsFromFile(process.env.EDS_TRUSTED_ROOTS);
  const intermediates = pemsFromFile(process.env.EDS_INTERMEDIATES);
  const localCas: string[] = [];
  if (process.env.DEMO_MODE === '1') {
    for (const a of await db.select().from(demoPkiAuthorities)) {
      (a.name === 'root' ? trustedRoots : intermediates).push(a.certPem);
      localCas.push(a.certPem);
    }
  }
  const [revoked, crls] = await Promise.all([
    db.select({ serial: revokedCertificates.serial }).from(revokedCertificates),
    loadCrlSnapshots(db),
  ]);
  return { trustedRoots, intermediates, revokedSerials: revoked.map((r) => r.serial), crls, localCas };
}
