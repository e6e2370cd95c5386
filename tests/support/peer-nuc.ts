// Real NUC test material (certificates, a CRL, CMS) from other projects, read from outside the repository:
// QYZMET_PEER_NUC_DIR, else ../shared/peer-nuc next to the repository root. Nothing of it is committed; suites
// that need it are skipped, saying so, when the folder is absent.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const peerNucDir = process.env.QYZMET_PEER_NUC_DIR ?? path.resolve(__dirname, '../../../shared/peer-nuc');
export const hasPeerNuc = existsSync(path.join(peerNucDir, 'nca_rsa_test.pem'));
export const peerNucSkipReason = `real NUC test material not found in ${peerNucDir} (set QYZMET_PEER_NUC_DIR): interop tests skipped`;

export const peerFile = (name: string) => readFileSync(path.join(peerNucDir, name), 'utf8');

/** The base64 body of a PEM file (CMS, CRL). */
export const peerBase64 = (name: string) =>
  peerFile(name)
    .replace(/-----(BEGIN|END) [^-]+-----/g, '')
    .replace(/\s+/g, '');
