// A small test PKI trusted the way the demo one is (DEMO_MODE=1 + demo_pki_authorities), so integration tests and
// the bench can sign as anyone without generating keys for every seeded person.
import type { Db } from '@/db/client';
import { demoPkiAuthorities } from '@/db/schema/pki';
import { canonicalBytes } from '@/lib/signatures/canonical';
import { createIntermediateCa, createRootCa, issuePersonCertificates, type PersonOptions } from '@/lib/signatures/pki';
import { importPrivateKey, signDetachedCms } from '@/lib/signatures/sign';

/** The demo PKI's intermediate CA as stored; when the database has none yet, a new pair is made and stored. */
export async function demoIntermediate(db: Db) {
  process.env.DEMO_MODE = '1';
  const stored = async () => new Map((await db.select().from(demoPkiAuthorities)).map((r) => [r.name, r]));
  let ca = await stored();
  if (ca.size < 2) {
    const root = await createRootCa({ commonName: 'Qyzmet test NUC root' });
    const intermediate = await createIntermediateCa(root, { commonName: 'Qyzmet test NUC (RSA)' });
    await db
      .insert(demoPkiAuthorities)
      .values([
        { name: 'root', certPem: root.certPem, keyPkcs8: Buffer.from(root.keyPkcs8Der) },
        { name: 'intermediate', certPem: intermediate.certPem, keyPkcs8: Buffer.from(intermediate.keyPkcs8Der) },
      ])
      .onConflictDoNothing();
    ca = await stored();
  }
  const row = ca.get('intermediate')!;
  return { certPem: row.certPem, keyPkcs8Der: new Uint8Array(row.keyPkcs8), serial: '' };
}

export async function trustTestPki(db: Db) {
  const intermediate = await demoIntermediate(db);
  const issued = new Map<string, Awaited<ReturnType<typeof issuePersonCertificates>>>();
  return {
    /** A detached CMS over the canonical document, with this person's (or employee's) signing key. */
    async sign(person: PersonOptions, document: unknown) {
      const key = `${person.iin}:${person.bin ?? ''}`;
      if (!issued.has(key)) issued.set(key, await issuePersonCertificates(intermediate, person));
      const cert = issued.get(key)!.signing;
      return signDetachedCms({
        data: canonicalBytes(document),
        certPem: cert.certPem,
        privateKey: await importPrivateKey(cert.keyPkcs8Der),
        chainPems: [intermediate.certPem],
      });
    },
  };
}
