// The state-registry simulators against a real Postgres (SPEC §2.1): found / not-found per system,
// through getRegistries so every call also passes the fault layer and lands in registry_calls.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import * as r from '@/db/schema/registry';
import { registryCalls } from '@/db/schema/registry-ops';
import { getRegistries, invalidateFaultCache, RegistriesNotConfiguredError, type Registries } from '@/lib/registries';
import { callbackPayloadSchema } from '@/lib/registries/payments/port';
import { verifyKinship } from '@/lib/residence/kinship';
import { freshDatabase } from '@/tests/support/db';

const IIN = {
  anna: '900101300126',
  bota: '061211600012',
  dias: '880315300511',
  gran: '500101400011',
  ghost: '990909300999',
  dead: '400101300022',
  temp: '020202500033',
};
const CAD = '21-320-001-001';
const person = (iin: string, extra: Partial<typeof r.persons.$inferInsert> = {}): typeof r.persons.$inferInsert => ({
  iin,
  surnameKk: 'Сәрсенова',
  surnameRu: 'Сарсенова',
  givenNameKk: 'Әсел',
  givenNameRu: 'Асель',
  surnameLat: 'SARSENOVA',
  givenNameLat: 'ASSEL',
  birthDate: '1990-01-01',
  sex: 'female',
  docNumber: `N${iin.slice(-6)}`,
  docIssuedOn: '2016-02-01',
  docExpiresOn: '2026-02-01',
  regionCode: '01',
  addressKk: 'Астана, Мәңгілік Ел 1-1',
  addressRu: 'Астана, Мангилик Ел 1-1',
  cadastralNumber: CAD,
  ...extra,
});

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let reg: Registries;
const consoleOut: string[] = [];

beforeAll(async () => {
  database = await freshDatabase(); // a migrated database of its own (tests/support/global-db.ts)
  db = database.db;
  invalidateFaultCache(); // another test file in this process may have cached another database's faults
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, m).mockImplementation((...a: unknown[]) => {
      consoleOut.push(a.map(String).join(' '));
    });
  }
  await db
    .insert(r.persons)
    .values([
      person(IIN.anna, { patronymicKk: 'Ержанқызы', livenessOk: true, faceMatchOk: false }),
      person(IIN.bota, { regionCode: null, addressKk: null, addressRu: null, cadastralNumber: null, livenessOk: false }),
      person(IIN.dias),
      person(IIN.gran, { cadastralNumber: 'X-1' }),
      person(IIN.dead, { deceased: true }),
      person(IIN.temp, { cadastralNumber: 'X-2' }),
    ]);
  await db.insert(r.temporaryRegistrations).values([
    { iin: IIN.temp, cadastralNumber: CAD, fromDate: '2026-01-01', toDate: '2026-12-31' },
    { iin: IIN.gran, cadastralNumber: CAD, fromDate: '2020-01-01', toDate: '2020-12-31' }, // expired
    { iin: IIN.anna, cadastralNumber: CAD, fromDate: '2026-01-01', toDate: '2026-12-31' }, // also permanent there
  ]);
  await db
    .insert(r.businesses)
    .values({ bin: '150440001236', nameKk: 'Авто ЖШС', nameRu: 'ТОО Авто', okeds: ['45.11'], directorIin: IIN.dias, regionCode: '02' });
  await db.insert(r.vehiclePassports).values({
    vin: 'XTA21700000000001',
    make: 'Lada',
    model: 'Granta',
    year: 2026,
    category: 'M1',
    colourKk: 'ақ',
    colourRu: 'белый',
    engine: 'E1',
    bodyNumber: 'B1',
    massKg: 1160,
  });
  await db.insert(r.customsPayments).values({ vin: 'XTA21700000000001', paid: true, declarationNumber: 'D-1' });
  await db.insert(r.recyclingFees).values({ vin: 'XTA21700000000001', paid: false });
  await db.insert(r.saleContracts).values([
    {
      sellerBin: '150440001236',
      buyerIin: IIN.anna,
      vin: 'XTA21700000000001',
      number: 'C-1',
      signedOn: '2026-01-10',
      priceTiyn: 700_000_000,
    },
    {
      sellerBin: '150440001236',
      buyerIin: IIN.anna,
      vin: 'XTA21700000000001',
      number: 'C-2',
      signedOn: '2026-01-12',
      priceTiyn: 690_000_000,
    },
  ]);
  await db.insert(r.mobileNumbers).values({ iin: IIN.anna, phone: '+77011234567' });
  await db.insert(r.fines).values([
    { iin: IIN.anna, amountTiyn: 1_000_000, articleKk: '592-б.', articleRu: 'ст. 592', issuedOn: '2025-05-01' },
    { iin: IIN.anna, amountTiyn: 2_000_000, articleKk: '610-б.', articleRu: 'ст. 610', issuedOn: '2025-04-01', paid: true },
  ]);
  await db.insert(r.births).values([
    { childIin: IIN.anna, motherIin: IIN.gran, fatherIin: null, actNumber: 'B-1', registeredOn: '1990-01-05' },
    { childIin: IIN.bota, motherIin: IIN.anna, fatherIin: IIN.dias, actNumber: 'B-2', registeredOn: '2006-12-20' },
  ]);
  await db.insert(r.marriages).values([
    { spouse1Iin: IIN.dias, spouse2Iin: IIN.anna, actNumber: 'M-1', registeredOn: '2005-06-01' },
    { spouse1Iin: IIN.dias, spouse2Iin: IIN.temp, actNumber: 'M-0', registeredOn: '2000-06-01', dissolvedOn: '2004-01-01' },
  ]);
  await db.insert(r.civilChanges).values([
    { iin: IIN.anna, kind: 'name', changedOn: '2016-02-01', details: { surnameRu: 'Сарсенова' } },
    { iin: IIN.anna, kind: 'nationality', changedOn: '2010-01-01' },
  ]);
  await db.insert(r.socialStatuses).values({ iin: IIN.anna, status: 'disability_1', since: '2020-01-01' });
  await db.insert(r.guardianships).values({ iin: IIN.gran, incapable: true, guardianIin: IIN.anna, basisRu: 'решение суда' });
  await db
    .insert(r.properties)
    .values({ cadastralNumber: CAD, regionCode: '01', addressKk: 'Астана', addressRu: 'Астана', kind: 'flat', totalAreaM2: 54.3 });
  await db.insert(r.propertyOwners).values([
    { cadastralNumber: CAD, iin: IIN.dias, shareMilli: 500 },
    { cadastralNumber: CAD, iin: IIN.anna, shareMilli: 500 },
  ]);
  await db.insert(r.students).values({
    iin: IIN.bota,
    source: 'epvo',
    institutionKk: 'ЕҰУ',
    institutionRu: 'ЕНУ',
    regionCode: '01',
    fullTime: true,
    fromDate: '2024-09-01',
    toDate: '2028-06-30',
  });
  reg = getRegistries(db, { applicationId: 'app-42' });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await database?.drop();
});

describe('vehicle registration systems (SPEC §3)', () => {
  it('business registry, e-passports, customs, recycling: found and not found', async () => {
    expect(await reg.business.findByBin('150440001236')).toMatchObject({ nameRu: 'ТОО Авто', okeds: ['45.11'], directorIin: IIN.dias });
    expect(await reg.business.findByBin('000000000000')).toBeNull();
    expect(await reg.vehiclePassports.findByVin('XTA21700000000001')).toMatchObject({
      make: 'Lada',
      massKg: 1160,
      status: 'active',
      manufacturerBin: null,
    });
    expect(await reg.vehiclePassports.findByVin('XTA21700000000002')).toBeNull();
    expect(await reg.customs.findPayment('XTA21700000000001')).toEqual({ vin: 'XTA21700000000001', paid: true, declarationNumber: 'D-1' });
    expect(await reg.customs.findPayment('XTA21700000000002')).toBeNull();
    expect(await reg.recycling.findFee('XTA21700000000001')).toEqual({ vin: 'XTA21700000000001', paid: false });
    expect(await reg.recycling.findFee('XTA21700000000002')).toBeNull();
  });

  it('e-contracts: the latest contract for exactly that seller, buyer and VIN', async () => {
    const q = { sellerBin: '150440001236', buyerIin: IIN.anna, vin: 'XTA21700000000001' };
    expect(await reg.contracts.findSaleContract(q)).toEqual({ ...q, number: 'C-2', signedOn: '2026-01-12', priceTiyn: 690_000_000 });
    expect(await reg.contracts.findSaleContract({ ...q, buyerIin: IIN.dias })).toBeNull();
  });

  it('BMG and ERAP: the number and only the unpaid fines', async () => {
    expect(await reg.bmg.findPhone(IIN.anna)).toBe('+77011234567');
    expect(await reg.bmg.findPhone(IIN.bota)).toBeNull();
    const fines = await reg.erap.unpaidFines(IIN.anna);
    expect(fines).toHaveLength(1);
    expect(fines[0]).toMatchObject({ amountTiyn: 1_000_000, articleRu: 'ст. 592', issuedOn: '2025-05-01' });
    expect(typeof fines[0]?.id).toBe('string');
    expect(await reg.erap.unpaidFines(IIN.bota)).toEqual([]);
  });
});

describe('GBD FL', () => {
  it('a person with names, address and document; no address → null; unknown → null', async () => {
    const anna = await reg.gbdFl.findPerson(IIN.anna);
    expect(anna).toMatchObject({
      iin: IIN.anna,
      birthDate: '1990-01-01',
      sex: 'female',
      citizenship: 'KZ',
      birthCountry: 'KZ',
      capable: true,
      deceased: false,
      names: { kk: { surname: 'Сәрсенова', patronymic: 'Ержанқызы' }, ru: { patronymic: null }, lat: { surname: 'SARSENOVA' } },
      permanentAddress: { regionCode: '01', cadastralNumber: CAD },
      document: { type: 'id_card', issuedOn: '2016-02-01', expiresOn: '2026-02-01' },
    });
    expect((await reg.gbdFl.findPerson(IIN.bota))?.permanentAddress).toBeNull();
    expect(await reg.gbdFl.findPerson(IIN.ghost)).toBeNull();
    // Order 002 p.5 (4): the country of birth is GBD FL's, not assumed.
    await db.update(r.persons).set({ birthCountry: 'UZ' }).where(eq(r.persons.iin, IIN.gran));
    expect(await reg.gbdFl.findPerson(IIN.gran)).toMatchObject({ birthCountry: 'UZ' });
  });

  it('counts permanent (not deceased) and active temporary registrations, each person once', async () => {
    // anna + dias permanent; temp active; anna's own temporary is not a second person; gran's expired; dead excluded.
    expect(await reg.gbdFl.countRegisteredAt(CAD, '2026-06-01')).toBe(3);
    expect(await reg.gbdFl.countRegisteredAt(CAD, '2027-01-01')).toBe(2);
    expect(await reg.gbdFl.countRegisteredAt('NO-SUCH')).toBe(0);
  });

  it('registers addresses: permanent moves the person, temporary is added once, unknown person → null', async () => {
    const address = { regionCode: '01', addressKk: 'Астана, Тұран 5', addressRu: 'Астана, Туран 5', cadastralNumber: 'NEW-1' };
    expect(await reg.gbdFl.registerAddress({ kind: 'permanent', iin: IIN.bota, address })).toEqual({
      kind: 'permanent',
      cadastralNumber: 'NEW-1',
    });
    expect((await reg.gbdFl.findPerson(IIN.bota))?.permanentAddress).toEqual(address);
    const temp = { kind: 'temporary', iin: IIN.gran, cadastralNumber: 'NEW-1', fromDate: '2026-01-01', toDate: '2026-03-31' } as const;
    await reg.gbdFl.registerAddress(temp);
    await reg.gbdFl.registerAddress(temp); // a retry
    expect(await reg.gbdFl.countRegisteredAt('NEW-1', '2026-02-01')).toBe(2);
    expect(await reg.gbdFl.registerAddress({ ...temp, iin: IIN.ghost })).toBeNull();
    await expect(reg.gbdFl.registerAddress({ ...temp, toDate: '2025-01-01' })).rejects.toThrow();
  });
});

describe('ID-card systems (SPEC §5)', () => {
  it('Digital-ID is given the sample and the photo themselves and answers from the seeded flags; unknown → null', async () => {
    const photo = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]), mimeType: 'image/jpeg' };
    expect(await reg.digitalId.liveness(IIN.anna, photo)).toEqual({ passed: true });
    expect(await reg.digitalId.liveness(IIN.bota, photo)).toEqual({ passed: false });
    expect(await reg.digitalId.faceMatch(IIN.anna, photo)).toEqual({ matched: false });
    expect(await reg.digitalId.faceMatch(IIN.dias, photo)).toEqual({ matched: true });
    expect(await reg.digitalId.liveness(IIN.ghost, photo)).toBeNull();
    // Orders 001/004 p.6 (1): the front office's sample check passes only a person both flags pass.
    expect(await reg.digitalId.verifySample(IIN.dias, photo)).toEqual({ passed: true });
    expect(await reg.digitalId.verifySample(IIN.anna, photo)).toEqual({ passed: false });
    expect(await reg.digitalId.verifySample(IIN.bota, photo)).toEqual({ passed: false });
    expect(await reg.digitalId.verifySample(IIN.ghost, photo)).toBeNull();
  });

  it('consent: requested → granted once; a later refusal does not flip it; unknown ids → null', async () => {
    const { id } = await reg.consent.request(IIN.anna, 'id_card_renewal');
    expect(await reg.consent.status(id)).toMatchObject({ id, status: 'requested', answeredAt: null });
    expect(await reg.consent.grant(id)).toMatchObject({ status: 'granted' });
    expect(await reg.consent.refuse(id)).toMatchObject({ status: 'granted' });
    expect(await reg.consent.status('999999')).toBeNull();
    expect(await reg.consent.grant('not-an-id')).toBeNull();
  });

  it('AIS SIK and E-Sobes', async () => {
    expect(await reg.aisSik.socialStatuses(IIN.anna)).toEqual([{ status: 'disability_1', since: '2020-01-01' }]);
    expect(await reg.aisSik.socialStatuses(IIN.bota)).toEqual([]);
    expect(await reg.esobes.guardianship(IIN.gran)).toEqual({
      incapable: true,
      guardianIin: IIN.anna,
      basisKk: null,
      basisRu: 'решение суда',
    });
    expect(await reg.esobes.guardianship(IIN.anna)).toBeNull();
  });

  it('RP DRN: step 13 registers once per reference (or refuses from seeded data); production only for a ticket, ready by its clock', async () => {
    await db.insert(r.rpDrnRefusals).values({ iin: IIN.bota, reason: 'document_invalidated' });
    const card = await reg.production.registerIdCard({ reference: 'ID-2026-000001', iin: IIN.anna, registrationPointId: 1 });
    expect(card).toMatchObject({ kind: 'id_card', reference: 'ID-2026-000001', status: 'registered', refusalReason: null });
    expect(card.orderId).toMatch(/^RPD-\d{4}-\d{9}$/);
    expect((await reg.production.registerIdCard({ reference: 'ID-2026-000001', iin: IIN.anna, registrationPointId: 1 })).orderId).toBe(
      card.orderId,
    );
    const refused = await reg.production.registerIdCard({ reference: 'ID-2026-000002', iin: IIN.bota, registrationPointId: 1 });
    expect(refused).toMatchObject({ status: 'refused', refusalReason: 'document_invalidated' });

    const order = {
      ticket: card.orderId,
      person: {
        iin: IIN.anna,
        surname: 'Сәрсенова',
        givenName: 'Әсел',
        patronymic: null,
        surnameLat: 'SARSENOVA',
        givenNameLat: 'ASSEL',
        birthDate: '1990-01-01',
        sex: 'female' as const,
        birthCountry: 'UZ',
      },
      photo: { bytes: new Uint8Array([1, 2, 3]), mimeType: 'image/jpeg' },
      signatureSample: { bytes: new Uint8Array([4, 5]), mimeType: 'image/png' },
      registrationPointId: 1,
    };
    expect(await reg.production.orderIdCard({ ...order, ticket: 'RPD-0000-000000000' })).toBeNull();
    expect(await reg.production.orderIdCard({ ...order, ticket: refused.orderId })).toMatchObject({ status: 'refused' });
    expect(await reg.production.orderIdCard(order)).toMatchObject({ orderId: card.orderId, status: 'in_production' });
    expect(await reg.production.orderIdCard(order)).toMatchObject({ status: 'in_production' }); // a retry orders nothing new
    const [stored] = await db.select().from(r.productionOrders).where(eq(r.productionOrders.id, card.orderId));
    expect(stored!.payload).toMatchObject({ person: { birthCountry: 'UZ' }, photo: { bytes: 3 }, signatureSample: { bytes: 2 } });
    expect(await reg.production.status(card.orderId)).toMatchObject({ status: 'in_production' });
    // The factory's clock: once its production time has passed, RP DRN reports the card ready.
    await db
      .update(r.productionOrders)
      .set({ readyAt: new Date(Date.now() - 1000) })
      .where(eq(r.productionOrders.id, card.orderId));
    expect(await reg.production.status(card.orderId)).toMatchObject({ status: 'ready' });

    const name = { surname: 'Сейтов', givenName: 'Ерлан', patronymic: null };
    const srts = await reg.production.orderSrts({
      srtsNumber: 'SR-2026-000001',
      plate: '123 ABC 01',
      vehicle: {
        vin: 'KMHJ381A5TU201001',
        make: 'Hyundai',
        model: 'Tucson',
        year: 2025,
        category: 'M1',
        colourKk: 'ақ',
        colourRu: 'белый',
        engine: 'G4NA',
        bodyNumber: 'KMHJ381A5TU201001',
        massKg: 1600,
      },
      owner: { iin: '900101300126', nameKk: name, nameRu: name },
    });
    expect(srts).toMatchObject({ kind: 'srts', reference: 'SR-2026-000001', status: 'accepted' });
    expect(srts.orderId).toMatch(/^SRTS-/);
    expect(await reg.production.status('RPD-0000-000000000')).toBeNull();
  });
});

describe('ZAGS, cadastre, education (SPEC §6)', () => {
  it('parents (unknown ones left out), children, current spouses only', async () => {
    expect(await reg.zags.parentsOf(IIN.anna)).toEqual({ mother: IIN.gran });
    expect(await reg.zags.parentsOf(IIN.ghost)).toEqual({});
    expect(await reg.zags.childrenOf(IIN.anna)).toEqual([IIN.bota]);
    expect(await reg.zags.spousesOf(IIN.dias)).toEqual([IIN.anna]);
    expect(await reg.zags.spousesOf(IIN.temp)).toEqual([]);
  });

  it('changes on or after a date', async () => {
    expect(await reg.zags.changesSince(IIN.anna, '2016-02-01')).toEqual([
      { kind: 'name', changedOn: '2016-02-01', details: { surnameRu: 'Сарсенова' } },
    ]);
    expect(await reg.zags.changesSince(IIN.anna, '2016-02-02')).toEqual([]);
    expect(await reg.zags.changesSince(IIN.anna, '2000-01-01')).toHaveLength(2);
  });

  it('serves verifyKinship as its CivilRecords', async () => {
    expect(await verifyKinship(reg.zags, IIN.gran, IIN.bota, { relation: 'grandparent', side: 'mother' })).toEqual({
      confirmed: true,
      chain: [IIN.gran, IIN.anna, IIN.bota],
    });
    expect(await verifyKinship(reg.zags, IIN.gran, IIN.bota, { relation: 'grandparent', side: 'father' })).toEqual({
      confirmed: false,
      chain: [],
    });
  });

  it('cadastre: the dwelling with its owners, and what a person owns', async () => {
    const flat = await reg.cadastre.findProperty(CAD);
    expect(flat).toMatchObject({
      kind: 'flat',
      totalAreaM2: 54.3,
      owners: [
        { iin: IIN.dias, shareMilli: 500 },
        { iin: IIN.anna, shareMilli: 500 },
      ],
    }); // sorted by IIN
    expect(await reg.cadastre.findProperty('NO-SUCH')).toBeNull();
    expect((await reg.cadastre.propertiesOf(IIN.dias)).map((p) => p.cadastralNumber)).toEqual([CAD]);
    expect(await reg.cadastre.propertiesOf(IIN.bota)).toEqual([]);
  });

  it('NOBD / EPVO records', async () => {
    expect(await reg.education.studentRecords(IIN.bota)).toEqual([
      expect.objectContaining({ source: 'epvo', fullTime: true, regionCode: '01' }),
    ]);
    expect(await reg.education.studentRecords(IIN.anna)).toEqual([]);
  });
});

describe('payment and SMS gateways', () => {
  const request = { merchantRef: 'pay-1', amountTiyn: 86_500, descriptionKk: 'Баж', descriptionRu: 'Пошлина', returnUrl: '/ru/cabinet' };

  it('invoice → hosted page URL → completed once, with a callback payload', async () => {
    const { invoiceId, payUrl } = await reg.payments.createInvoice(request);
    expect(payUrl).toBe(`/gateway/pay/${invoiceId}`);
    expect((await reg.payments.createInvoice(request)).invoiceId).toBe(invoiceId); // a retry reuses the open invoice
    expect(await reg.payments.getInvoice(invoiceId)).toMatchObject({ ...request, status: 'open', completedAt: null });
    const paid = await reg.payments.complete(invoiceId, 'paid');
    expect(callbackPayloadSchema.parse(paid)).toMatchObject({ invoiceId, merchantRef: 'pay-1', outcome: 'paid', amountTiyn: 86_500 });
    expect(await reg.payments.complete(invoiceId, 'declined')).toEqual(paid); // first outcome stands, same event
    expect((await reg.payments.createInvoice(request)).invoiceId).not.toBe(invoiceId);
    expect(await reg.payments.getInvoice('00000000-0000-0000-0000-000000000000')).toBeNull();
    expect(await reg.payments.complete('00000000-0000-0000-0000-000000000000', 'paid')).toBeNull();
    await expect(reg.payments.createInvoice({ ...request, returnUrl: '//evil.example' })).rejects.toThrow();
  });

  it('SMS: a KZ mobile is delivered, anything else fails', async () => {
    const ok = await reg.sms.send('+77011234567', 'Өтінішіңіз қабылданды');
    expect(ok.status).toBe('delivered');
    expect(await reg.sms.status(ok.gatewayId)).toEqual(ok);
    expect((await reg.sms.send('12345', 'x')).status).toBe('failed');
    expect(await reg.sms.status('nope')).toBeNull();
  });
});

describe('getRegistries and the call log', () => {
  it('refuses an implementation that does not exist yet', () => {
    vi.stubEnv('REGISTRIES', 'real');
    try {
      expect(() => getRegistries(db)).toThrow(RegistriesNotConfiguredError);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('logs every call with its outcome and application, and never an IIN (nor prints one)', async () => {
    const rows = await db.select().from(registryCalls);
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.every((c) => c.applicationId === 'app-42')).toBe(true);
    expect(rows).toContainEqual(expect.objectContaining({ system: 'business', operation: 'findByBin', outcome: 'ok' }));
    expect(rows).toContainEqual(expect.objectContaining({ system: 'gbd_fl', operation: 'findPerson', outcome: 'not_found' }));
    expect(rows).toContainEqual(expect.objectContaining({ system: 'gbd_fl', operation: 'registerAddress', outcome: 'error' }));
    const logged = JSON.stringify(rows) + consoleOut.join('\n');
    for (const iin of Object.values(IIN)) expect(logged).not.toContain(iin);
  });
});
