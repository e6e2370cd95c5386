/**
 * `npm run audit:export [file]`: every signed audit anchor as JSON lines (stdout, or the file), for an operator to
 * keep outside this database (issue 14). Each line has the exact message signed; check one with
 *   openssl dgst -sha256 -verify <(openssl x509 -pubkey -noout -in cert.pem) -signature sig.bin message.txt
 * and compare its hash with the chain's row at `sealedUpTo` (the admin chain check does both).
 */
import { writeFileSync } from 'node:fs';
import postgres from 'postgres';
import { EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedDb } from '../db/embedded';
import { anchorMessage } from '../lib/audit/anchor-message';

let embedded: EmbeddedDb | undefined;
try {
  embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres();
  const sql = postgres(process.env.DATABASE_URL ?? embedded!.url, { max: 1, onnotice: () => {} });
  const rows = await sql<{ at: Date; sealed_up_to: string; hash: string; signature: string; signer_cert_pem: string }[]>`
    select at, sealed_up_to, hash, signature, signer_cert_pem from audit_anchors order by sealed_up_to`;
  await sql.end();
  const lines = rows.map((r) => {
    const a = { at: new Date(r.at), sealedUpTo: Number(r.sealed_up_to), hash: r.hash };
    return JSON.stringify({ ...a, message: anchorMessage(a), signature: r.signature, signerCertPem: r.signer_cert_pem });
  });
  const out = lines.join('\n') + (lines.length ? '\n' : '');
  if (process.argv[2]) {
    writeFileSync(process.argv[2], out, { mode: 0o600 });
    console.error(`${rows.length} anchors written to ${process.argv[2]}`);
  } else process.stdout.write(out);
} catch (e) {
  console.error(e instanceof EmbeddedPostgresError ? e.message : `audit:export failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
