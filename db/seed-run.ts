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
