import { randomInt } from 'node:crypto';
import { and, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { userRoles, users } from '@/db/schema/people';
import { certificates, demoKeyFiles, demoPkiAuthorities } from '@/db/schema/pki';
import { businesses } from '@/db/schema/registry';
import { parseCertificate } from './encoding';
import { exportPkcs12 } from './pkcs12';
import { createIntermediateCa, createRootCa, issuePersonCertificates, type CertificateAuthority, type IssuedCertificate } from './pki';

const ROOT_CN = 'Qyzmet test NUC root';
/** Enough to make a guessed password slow, few enough that 200 demo key files are made in seconds at start-up. */
const DEMO_PBKDF2_ITERATIONS = 10_000;
const INTERMEDIATE_CN = 'Qyzmet test NUC (RSA)';

/** A short password a person can type from the sign-in page: the demo's stand-in for the NUC's key password. */
function demoPassword() {
  const words = ['alma', 'tulpar', 'samruk', 'baiterek', 'kumys', 'dombra', 'saryarka', 'altyn'];
  return `${words[randomInt(words.length)]}-${randomInt(1000, 10_000)}`;
}

async function authorities(db: Db): Promise<{ root: CertificateAuthority; intermediate: CertificateAuthority }> {
  const rows = await db.select().from(demoPkiAuthorities);
  const found = (n: 'root' | 'intermediate') => rows.find((r) => r.name === n);
  const asCa = (r: (typeof rows)[number]): CertificateAuthority => ({
    certPem: r.certPem,
    keyPkcs8Der: new Uint8Array(r.keyPkcs8),
    serial: '',
  });
  if (found('root') && found('intermediate')) return { root: asCa(found('root')!), intermediate: asCa(found('intermediate')!) };
  const root = await createRootCa({ commonName: ROOT_CN });
  const intermediate = await createIntermediateCa(root, { commonName: INTERMEDIATE_CN });
  await db
    .insert(demoPkiAuthorities)
    .values([
      { name: 'root', certPem: root.certPem, keyPkcs8: Buffer.from(root.keyPkcs8Der) },
      { name: 'intermediate', certPem: intermediate.certPem, keyPkcs8: Buffer.from(intermediate.keyPkcs8Der) },
    ])
    .onConflictDoNothing();
  return authorities(db); // whoever inserted first wins; read back what is stored
}

function validity(cert: IssuedCertificate) {
  const c = parseCertificate(cert.certPem);
  return { notBefore: c.notBefore.value, notAfter: c.notAfter.value };
}

/**
 * The demo PKI (DEMO_MODE only): a test root and intermediate, and for every user without certificates a
 * personal signing + authentication pair — plus a legal-entity pair for dealer employees — each with a
 * password-protected PKCS#12 key file. Idempotent; runs at start-up after the seed.
 */
export async function ensureDemoPki(db: Db): Promise<{ issued: number }> {
  const { root, intermediate } = await authorities(db);
  const chainPems = [intermediate.certPem, root.certPem];
  const withCerts = db.select({ id: certificates.userId }).from(certificates).where(isNotNull(certificates.userId));
  const pending = await db.select().from(users).where(notInArray(users.id, withCerts));
  if (!pending.length) return { issued: 0 };
  const dealerGrants = await db
    .select({ userId: userRoles.userId, bin: userRoles.dealerBin, nameRu: businesses.nameRu })
    .from(userRoles)
    .innerJoin(businesses, eq(businesses.bin, userRoles.dealerBin))
    .where(
      and(
        eq(userRoles.role, 'dealer'),
        inArray(
          userRoles.userId,
          pending.map((u) => u.id),
        ),
      ),
    );
  let issued = 0;
  // Two at a time: RSA key generation is CPU-bound and the machine has two cores.
  for (let i = 0; i < pending.length; i += 2) {
    await Promise.all(
      pending.slice(i, i + 2).map(async (u) => {
        const password = demoPassword();
        const person = {
          iin: u.iin,
          surname: u.surname.toUpperCase(),
          givenName: u.givenName.toUpperCase(),
          patronymic: u.patronymic?.toUpperCase(),
        };
        const sets = [{ bin: null as string | null, certs: await issuePersonCertificates(intermediate, person) }];
        for (const d of dealerGrants.filter((g) => g.userId === u.id)) {
          sets.push({
            bin: d.bin,
            certs: await issuePersonCertificates(intermediate, { ...person, organisation: d.nameRu, bin: d.bin ?? undefined }),
          });
        }
        await db.transaction(async (tx) => {
          for (const { bin, certs } of sets) {
            for (const purpose of ['signing', 'authentication'] as const) {
              const cert = certs[purpose];
              await tx
                .insert(certificates)
                .values({ serial: cert.serial, userId: u.id, iin: u.iin, bin, purpose, certPem: cert.certPem, ...validity(cert) });
              const pkcs12 = await exportPkcs12({
                certPem: cert.certPem,
                keyPkcs8Der: cert.keyPkcs8Der,
                chainPems,
                password,
                friendlyName: `${purpose}${bin ? ` ${bin}` : ''}`,
                iterations: DEMO_PBKDF2_ITERATIONS,
              });
              await tx
                .insert(demoKeyFiles)
                .values({ certificateSerial: cert.serial, userId: u.id, purpose, pkcs12: Buffer.from(pkcs12), password });
              issued++;
            }
          }
        });
      }),
    );
  }
  return { issued };
}
