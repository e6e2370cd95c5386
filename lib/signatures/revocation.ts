import 'server-only';
import { desc, eq, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db';
import { certificates } from '@/db/schema/pki';
import { revokedCertificates } from '@/db/schema/signatures';

/** RFC 5280 reason codes an admin can pick. */
export const revocationReasons = ['keyCompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation'] as const;
export const revokeSchema = z.object({ serial: z.string().regex(/^[0-9a-f]{2,64}$/, 'invalid_value'), reason: z.enum(revocationReasons) });

/** Certificates by IIN/BIN prefix or serial, with their revocation, newest first (one query). */
export async function listCertificates(query: string, limit = 50) {
  const q = query
    .replace(/[^0-9a-f]/gi, '')
    .toLowerCase()
    .slice(0, 64);
  return db
    .select({
      serial: certificates.serial,
      iin: certificates.iin,
      bin: certificates.bin,
      purpose: certificates.purpose,
      notBefore: certificates.notBefore,
      notAfter: certificates.notAfter,
      revokedAt: revokedCertificates.revokedAt,
      reason: revokedCertificates.reason,
    })
    .from(certificates)
    .leftJoin(revokedCertificates, eq(revokedCertificates.serial, certificates.serial))
    .where(q ? or(like(certificates.iin, `${q}%`), like(certificates.bin, `${q}%`), eq(certificates.serial, q)) : undefined)
    .orderBy(desc(certificates.createdAt), desc(certificates.serial))
    .limit(limit);
}

export async function revokedList() {
  return db
    .select()
    .from(revokedCertificates)
    .orderBy(sql`${revokedCertificates.revokedAt}`);
}
