import { connect } from './client';
import { seed } from './seed';

/** Seeds demo data over a short-lived connection; idempotent, so every start may call it. */
export async function seedDatabase(url: string, opts: { today?: string } = {}) {
  const { client, db } = connect(url, 2);
  try {
    return await seed(db, opts);
  } finally {
    await client.end();
  }
}

/** The demo PKI's certificates and key files for every persona (DEMO_MODE only; idempotent). */
export async function issueDemoKeys(url: string) {
  const { ensureDemoPki } = await import('../lib/signatures/demo-pki');
  const { client, db } = connect(url, 2);
  try {
    return await ensureDemoPki(db);
  } finally {
    await client.end();
  }
}
