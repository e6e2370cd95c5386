// The simulated bank page exists only in demo mode (issue 14): outside it, completing an invoice does nothing, so
// nobody can mark a fee as paid through the simulator; in demo mode it pays as before.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fees, mrpValues } from '@/db/schema/reference';
import { gatewayInvoices } from '@/db/schema/registry';
import { completeGatewayInvoice } from '@/lib/gateway/complete';
import { payForPurpose } from '@/lib/payments/purpose';
import { getRegistries, invalidateFaultCache } from '@/lib/registries';
import { freshDatabase } from '@/tests/support/db';
import { makeUser } from '@/tests/support/factories';

let database: Awaited<ReturnType<typeof freshDatabase>>;
const demo = process.env.DEMO_MODE;

beforeAll(async () => {
  database = await freshDatabase();
  invalidateFaultCache();
  await database.db.insert(mrpValues).values([{ year: 2026, valueTenge: 4325 }]);
  await database.db.insert(fees).values([{ code: 'id_card.duty', pilot: 'id_card', nameKk: 'т', nameRu: 'р', mrpMilli: 200 }]);
});
afterEach(() => {
  if (demo === undefined) delete process.env.DEMO_MODE;
  else process.env.DEMO_MODE = demo;
});
afterAll(async () => {
  await database.drop();
});

async function invoice() {
  const citizen = await makeUser(database.db, 'citizen');
  const started = await payForPurpose(database.db, getRegistries(database.db), {
    year: 2026,
    descriptionKk: 'Баж',
    descriptionRu: 'Пошлина',
    returnPath: '/kk/cabinet/payments',
    payerIin: citizen.iin,
    purposeKey: `gw:${citizen.iin}`,
    feeCodes: ['id_card.duty'],
  });
  return started.payUrl.split('/').pop()!;
}

const statusOf = async (invoiceId: string) =>
  (await database.db.select().from(gatewayInvoices).where(eq(gatewayInvoices.id, invoiceId)))[0]?.status;

describe('the simulated gateway page', () => {
  it('outside demo mode completes nothing: the invoice stays open', async () => {
    delete process.env.DEMO_MODE;
    const id = await invoice();
    expect(await completeGatewayInvoice(id, 'paid', database.db)).toBeNull();
    expect(await statusOf(id)).toBe('open');
  });

  it('in demo mode pays the invoice and gives the signed callback payload', async () => {
    process.env.DEMO_MODE = '1';
    const id = await invoice();
    const done = await completeGatewayInvoice(id, 'paid', database.db);
    expect(done?.payload).toBeTruthy();
    expect(await statusOf(id)).toBe('paid');
  });
});
