// Flows per second (issue 6, part 5): whole applications through the service layer, on real PostgreSQL and the
// registry simulators, N in flight at once: ID cards (order 002, submit → pay → approve → issue), vehicles
// (order 000, dealer → buyer → step 19 → hand-over at the CON) and agricultural machinery (orders 001/004, the CON
// front office's intake → the akimat's approval → hand-over at the CON) and residence registration online (order 003,
// SPEC §6: start → the dwelling → the arrival form → the other owner's EDS consent → the applicant's EDS, GBD FL
// written), each step timed. The people, vehicles,
// fee payments and plates a set needs are inserted first, in batches, outside the timed part.
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { applications } from '../db/schema/applications';
import { idCardApplications } from '../db/schema/id-card';
import { residenceConsents } from '../db/schema/residence';
import { userRoles, users } from '../db/schema/people';
import { machineryPlates } from '../db/schema/machinery';
import { platePool } from '../db/schema/reference';
import {
  customsPayments,
  feePayments,
  machines,
  mobileNumbers,
  persons,
  properties,
  propertyOwners,
  recyclingFees,
  saleContracts,
  vehiclePassports,
} from '../db/schema/registry';
import { addDays } from '../db/seed/dates';
import { makeIin } from '../db/seed/iin-factory';
import { isHighDemandDigits } from '../db/seed/plates';
import { BIN, CON, PERSONA, REG_POINT, STAFF } from '../db/seed/personas-ids';
import type { Actor, Grant } from '../lib/auth/actor';
import { toLocalDate } from '../lib/calendar/deadline';
import { isDomainError } from '../lib/errors';
import {
  citizenApplication,
  payDuty,
  requestDocumentOf,
  saveForm,
  signAndSubmit,
  uploadPhoto,
  uploadSignatureSample,
} from '../lib/id-card/citizen-service';
import { issueCard, officerApplication } from '../lib/id-card/officer-service';
import { orderProduction, pollProduction } from '../lib/id-card/production-service';
import { approvalDocumentOf, approve, reviewerApplication } from '../lib/id-card/review-service';
import { answerConsent, askConsent, startRenewal } from '../lib/id-card/start-service';
import {
  actionFees,
  addScan,
  callNextTicket,
  checkFees,
  checklist,
  checklistOf,
  chooseAction,
  identify,
  intakeDocumentOf,
  issueTicket as issueMachineryTicket,
  loadMachineryApplication,
  setMachine,
  setOwner,
  signAndSubmit as submitIntake,
} from '../lib/machinery/intake-service';
import { deskApplication, issue as issueMachinery } from '../lib/machinery/issuance-service';
import {
  approvalDocumentOf as machineryApprovalDocumentOf,
  approve as approveMachinery,
  decisionFields,
  reviewApplication,
} from '../lib/machinery/review-service';
import { itemApplies } from '../lib/machinery/rules';
import { getRegistries, type Registries } from '../lib/registries';
import { ProductionSimulator } from '../lib/registries/production/simulator';
import type { ArrivalForm } from '../lib/residence/arrival-form';
import {
  applicationDocumentOf as residenceDocumentOf,
  chooseDwelling,
  citizenResidence,
  finishDraft,
  saveArrivalForm,
  signResidence,
  startResidence,
} from '../lib/residence/citizen-service';
import { consentDetails } from '../lib/residence/consent-document';
import { loadConsentCase } from '../lib/residence/consent-scope';
import { answerConsent as answerResidenceConsent } from '../lib/residence/consent-service';
import { canonicalBytes } from '../lib/signatures/canonical';
import { issuePersonCertificates, type PersonOptions } from '../lib/signatures/pki';
import { importPrivateKey, signDetachedCms } from '../lib/signatures/sign';
import {
  acceptOffer,
  buyerApplication,
  buyerDocumentOf,
  payFees,
  saveDetails,
  signAsBuyer,
} from '../lib/vehicle-registration/buyer-service';
import { callNext, findReadyAtCentre, issueDocuments, issuanceApplication, issueTicket } from '../lib/vehicle-registration/con-service';
import { dealerApplication, sellerDocumentOf, setBuyer, signAsSeller, startRegistration } from '../lib/vehicle-registration/dealer-service';
import { processVehicleApplication } from '../lib/vehicle-registration/processing';
import { actorFor } from '../tests/support/factories';
import { payThroughGateway } from '../tests/support/gateway';
import { demoIntermediate } from '../tests/support/pki';
import { portraitJpeg, signaturePng } from '../tests/support/images';

export type FlowStep = { name: string; count: number; p50: number; p95: number };
export type FlowReport = {
  flow: 'id_card' | 'vehicle' | 'machinery' | 'residence';
  concurrency: number;
  applications: number;
  failed: number;
  seconds: number;
  perSecond: number;
  steps: FlowStep[];
  firstError?: string;
};

type Step = <T>(name: string, run: () => Promise<T>) => Promise<T>;
type Bench = Awaited<ReturnType<typeof setUp>>;

const CITIZEN: Grant = {
  role: 'citizen',
  regionCode: null,
  akimatId: null,
  serviceCentreId: null,
  registrationPointId: null,
  dealerBin: null,
};
const REGION = '01'; // Astana: the seeded reviewer, registration point, dealer and CON all work there
// Machinery (order p.1): a pilot region's CON. Almaty's first CON takes the intakes; its owners live in the Bostandyq
// district, so the e-application goes to the seeded akimat of that district (p.9).
const MACHINERY_REGION = '02';
// Residence (order 003): dwellings in Karaganda, outside Astana's extra steps (those are timed by the integration tests).
const RESIDENCE_REGION = '09';
const counters = { iin: 0, vin: 0, plate: 0, card: 0, document: 0, serial: 0, machineryPlate: 0, passport: 0, dwelling: 0 };

const signer = (a: Actor) => ({ iin: a.iin, surname: a.surname, givenName: a.givenName });
const expectStatus = (row: { status: string }, status: string) => {
  if (row.status !== status) throw new Error(`status ${row.status}, expected ${status}`);
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const batches = <T>(rows: T[], size = 1000) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

/** Codes and driver messages only: a drizzle error's own message carries the query's parameters (IINs). */
function safeMessage(e: unknown): string {
  if (isDomainError(e)) return e.code;
  const error = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}

export async function runFlows(
  db: Db,
  opts: { concurrency: number[]; idCards: number; vehicles: number; machinery: number; residence: number },
): Promise<FlowReport[]> {
  const bench = await setUp(db);
  const reports: FlowReport[] = [];
  for (const concurrency of opts.concurrency) {
    const citizens = await makePeople(bench, opts.idCards);
    reports.push(await measure('id_card', concurrency, citizens, (citizen, step) => idCardFlow(bench, citizen, step)));
    const sales = await makeSales(bench, opts.vehicles);
    reports.push(await measure('vehicle', concurrency, sales, (sale, step) => vehicleFlow(bench, sale, step)));
    const intakes = await makeMachineryIntakes(bench, opts.machinery);
    reports.push(await measure('machinery', concurrency, intakes, (intake, step) => machineryFlow(bench, intake, step)));
    const moves = await makeResidenceMoves(bench, opts.residence);
    reports.push(await measure('residence', concurrency, moves, (move, step) => residenceFlow(bench, move, step)));
  }
  return reports;
}

async function setUp(db: Db) {
  const pki = await demoSigner(db);
  const [photo, sample] = await Promise.all([portraitJpeg(), signaturePng()]);
  const [reviewer, officer, dealer, reception, desk] = await Promise.all(
    [STAFF.umsAstana, STAFF.migrationAstana, PERSONA.dealerAstanaMotors, STAFF.conReceptionAstana, STAFF.conIssuanceAstana].map((iin) =>
      actorFor(db, iin),
    ),
  );
  const [machineryReception, frontOffice, akimat, machineryDesk] = await Promise.all(
    [STAFF.conReceptionAlmaty, STAFF.conOperatorAlmaty, STAFF.akimatBostandyq, STAFF.conIssuanceAlmaty].map((iin) => actorFor(db, iin)),
  );
  // The dealer's employee signs with the organisation's certificate (step 9), as in the seeded business registry.
  const dealerSigner = { ...signer(dealer!), organisation: 'ТОО «Astana Motors»', bin: BIN.astanaMotors };
  await pki.issue([signer(reviewer!), dealerSigner, signer(frontOffice!), signer(akimat!)]);
  // p.6 (2): the registration checklist's items a person in person presents (the optional customs document left out).
  const who = { ownerKind: 'person' as const, representative: false };
  const machineryItems = (await checklistOf(db, 'registration')).filter((i) => i.required && itemApplies(i, who)).map((i) => i.code);
  const machineryFees = await actionFees(db, 'registration');
  const registries = getRegistries(db);
  const ctx = (actor: Actor, grant = actor.grants[0]!) => ({ db, registries, actor, grant });
  return {
    db,
    pki,
    photo,
    sample,
    reviewer: reviewer!,
    officer: officer!,
    dealer: dealer!,
    dealerSigner,
    reception: reception!,
    desk: desk!,
    machineryReception: machineryReception!,
    frontOffice: frontOffice!,
    akimat: akimat!,
    machineryDesk: machineryDesk!,
    machineryItems,
    machineryFees,
    ctx,
    today: toLocalDate(new Date()),
  };
}

/** `concurrency` workers take the prepared items one by one; each step's time is kept, a failure is counted and the run goes on. */
async function measure<T>(
  flow: FlowReport['flow'],
  concurrency: number,
  items: T[],
  run: (item: T, step: Step) => Promise<void>,
): Promise<FlowReport> {
  const times = new Map<string, number[]>();
  const step: Step = async (name, fn) => {
    const started = performance.now();
    const result = await fn().catch((e: unknown) => {
      throw new Error(`${name}: ${safeMessage(e)}`);
    });
    if (!times.has(name)) times.set(name, []);
    times.get(name)!.push(performance.now() - started);
    return result;
  };
  let next = 0,
    done = 0,
    failed = 0,
    firstError: string | undefined;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await run(item, step).then(
          () => {
            done++;
          },
          (e: unknown) => {
            failed++;
            firstError ??= e instanceof Error ? e.message : String(e);
          },
        );
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const steps = [...times].map(([name, ms]) => {
    const sorted = ms.sort((a, b) => a - b);
    return { name, count: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
  });
  return {
    flow,
    concurrency,
    applications: done,
    failed,
    seconds,
    perSecond: done / seconds,
    steps,
    ...(firstError ? { firstError } : {}),
  };
}

async function idCardFlow(b: Bench, citizen: Actor, step: Step) {
  const c = b.ctx(citizen);
  const id = await step('start', async () => {
    const { consentId } = await askConsent(c);
    await answerConsent(c, { consentId, answer: 'grant' });
    const phone = (await c.registries.bmg.findPhone(citizen.iin)) ?? '';
    return (await startRenewal(c, { consentId, phone })).applicationId;
  });
  const form = await step('form', async () =>
    saveForm(c, {
      id,
      version: (await citizenApplication(b.db, citizen, id)).version,
      registrationPointId: REG_POINT.astana1,
      phone: '+77015554433',
    }),
  );
  const photo = await step('photo', () => uploadPhoto(c, { id, version: form.version, bytes: b.photo }));
  await step('signature_sample', () => uploadSignatureSample(c, { id, version: photo.version, bytes: b.sample }));
  const submitted = await step('submit', async () => {
    const app = await citizenApplication(b.db, citizen, id);
    const cms = await b.pki.sign(signer(citizen), await requestDocumentOf(b.db, app, citizen));
    return signAndSubmit(c, { id, version: app.version, cms });
  });
  expectStatus(submitted ?? { status: 'missing' }, 'awaiting_payment');
  await step('pay', async () => {
    const { payUrl } = await payDuty(c, { id, locale: 'kk' });
    const paid = await payThroughGateway(b.db, payUrl);
    if (paid.outcome !== 'applied') throw new Error(`payment ${paid.outcome}`);
  });
  const approved = await step('approve', async () => {
    const review = await reviewerApplication(b.db, b.reviewer.grants[0]!, id);
    const cms = await b.pki.sign(signer(b.reviewer), await approvalDocumentOf(b.db, review, b.reviewer.iin));
    return approve(b.ctx(b.reviewer), { id, version: review.version, cms });
  });
  await step('production', () => produce(b.db, getRegistries(b.db), approved, citizen.iin));
  const issued = await step('issue', async () => {
    const app = await officerApplication(b.db, b.officer.grants[0]!, id);
    return issueCard(b.ctx(b.officer), {
      id,
      version: app.version,
      documentNumber: (await b.ctx(b.officer).registries.gbdFl.findPerson(citizen.iin))!.document.number,
      source: 'id_document',
      newCardNumber: String(100_000_000 + counters.card++),
    });
  });
  expectStatus(issued, 'issued');
}

/** The production job's two steps for this one card (as `advanceProduction` runs them), the factory done at once. */
async function produce(db: Db, registries: Registries, app: { id: string; number: string }, iin: string) {
  await orderProduction(db, registries, app.id); // approve sent it already unless RP DRN was slow
  const [card] = await db
    .select({ version: applications.version, productionOrderId: idCardApplications.productionOrderId })
    .from(applications)
    .innerJoin(idCardApplications, eq(idCardApplications.applicationId, applications.id))
    .where(eq(applications.id, app.id));
  await new ProductionSimulator(db).finishNow(card!.productionOrderId!);
  await pollProduction(db, registries, { ...app, iin, version: card!.version, productionOrderId: card!.productionOrderId });
}

async function vehicleFlow(b: Bench, { buyer, vin }: { buyer: Actor; vin: string }, step: Step) {
  const d = b.ctx(
    b.dealer,
    b.dealer.grants.find((g) => g.role === 'dealer')!,
  );
  const c = b.ctx(buyer);
  const draft = await step('dealer_start', () => startRegistration(d, { vin }));
  const ready = await step('dealer_buyer', () => setBuyer(d, { id: draft.id, version: draft.version, buyerIin: buyer.iin }));
  const offer = await step('dealer_sign', async () => {
    const app = await dealerApplication(b.db, d.grant, draft.id);
    const cms = await b.pki.sign(b.dealerSigner, sellerDocumentOf(app));
    return signAsSeller(d, { id: draft.id, version: ready.version, cms });
  });
  const id = draft.id;
  const filling = await step('buyer_accept', () => acceptOffer(c, { id, version: offer.version }));
  expectStatus(filling, 'buyer_filling');
  const paying = await step('buyer_details', () =>
    saveDetails(c, { id, version: filling.version, centreId: CON.astana1, plateType: 'standard_person' }),
  );
  expectStatus(paying, 'awaiting_payment');
  await step('buyer_pay', async () => {
    const { payUrl } = await payFees(c, { id, locale: 'ru' });
    const paid = await payThroughGateway(b.db, payUrl);
    if (paid.outcome !== 'applied') throw new Error(`payment ${paid.outcome}`);
  });
  await step('buyer_sign', async () => {
    const app = await buyerApplication(b.db, buyer, id);
    const cms = await b.pki.sign(signer(buyer), await buyerDocumentOf(b.db, app));
    return signAsBuyer(c, { id, version: app.version, cms });
  });
  // The bench measures the portal, not the IPC's print time: a printing house that prints at once (order 000 p.6).
  const printAtOnce = new ProductionSimulator(b.db, { srtsSeconds: 0, now: () => new Date() });
  const outcome = await step('processing', () =>
    processVehicleApplication(b.db, { ...getRegistries(b.db, { applicationId: id }), production: printAtOnce }, id),
  );
  if (outcome !== 'ready') throw new Error(`processing: ${outcome}`);
  await step('reception', async () => {
    await findReadyAtCentre(b.ctx(b.reception), buyer.iin);
    await issueTicket(b.ctx(b.reception), { applicationId: id });
  });
  // The desk serves whoever the queue calls next, as at a real CON: with N in flight, often another flow's buyer.
  const issued = await step('issue', async () => {
    const ticket = await callNext(b.ctx(b.desk));
    const app = await issuanceApplication(b.db, b.desk.grants[0]!, ticket.applicationId!);
    return issueDocuments(b.ctx(b.desk), {
      id: app.id,
      version: app.version,
      documentNumber: (await b.ctx(b.desk).registries.gbdFl.findPerson(app.buyerIin!))!.document.number,
      source: 'id_document',
      srtsBlankSerial: `KZ${String(1_000_000 + counters.card++)}`,
    });
  });
  expectStatus(issued, 'issued');
}

/** One machinery intake's own data: who comes to the CON (found by the ID document's number) and what they register. */
type MachineryIntakeItem = { ownerIin: string; documentNumber: string; serial: string; plate: string; passport: string };

/** A one-page PDF scan, distinct per application and item (its SHA-256 goes into the signed e-application). */
const scanPdf = (serial: string, item: string) =>
  new TextEncoder().encode(`%PDF-1.4\n% ${serial} ${item}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

async function machineryFlow(b: Bench, m: MachineryIntakeItem, step: Step) {
  const op = b.ctx(b.frontOffice);
  // p.5: reception hands out a ticket; the worker calls whoever is next, as at a real CON: with N in flight, often
  // another flow's ticket. Either way the call opens a fresh intake, and this flow's owner comes to it.
  await step('ticket', () => issueMachineryTicket(b.ctx(b.machineryReception)));
  const called = await step('call', async () => {
    const { applicationId } = await callNextTicket(op);
    const app = await loadMachineryApplication(b.db, applicationId);
    if (!app) throw new Error('the called intake is missing');
    return app;
  });
  const id = called.id;
  const chosen = await step('action', () => chooseAction(op, { id, version: called.version, action: 'registration' }));
  const identified = await step('identify', () =>
    identify(op, { id, version: chosen.version, documentNumber: m.documentNumber, applicantLocale: 'kk' }),
  );
  if (!identified.passed) throw new Error('identify: the biometric check failed');
  const owner = await step('owner', () => setOwner(op, { id, version: identified.app.version, mode: 'self' }));
  const machine = await step('machine', () =>
    setMachine(op, {
      id,
      version: owner.version,
      typed: {
        kind: 'tractor',
        make: 'Беларус (МТЗ)',
        model: '82.1',
        year: 2026,
        serialNumber: m.serial,
        engineNumber: null,
        bodyNumber: null,
      },
    }),
  );
  const ticked = await step('checklist', () => checklist(op, { id, version: machine.version, ticked: b.machineryItems }));
  if (!ticked.completeness.complete) throw new Error(`checklist: missing ${ticked.completeness.missing.join(', ')}`);
  const fees = await step('fees', () => checkFees(op, { id, version: ticked.app.version }));
  if (fees.feeCheck.status !== 'paid') throw new Error(`fees: ${fees.feeCheck.status}`);
  // p.6 (4): one scan per presented item; the page re-renders with the new version after each upload.
  let version = fees.app.version;
  for (const itemCode of b.machineryItems)
    version = await step('scan', async () => {
      await addScan(op, { id, version, itemCode, file: scanPdf(m.serial, itemCode) });
      return (await loadMachineryApplication(b.db, id))!.version;
    });
  const submitted = await step('submit', async () => {
    const app = (await loadMachineryApplication(b.db, id))!;
    const cms = await b.pki.sign(signer(b.frontOffice), await intakeDocumentOf(b.db, app, b.frontOffice.iin));
    return submitIntake(op, { id, version: app.version, cms });
  });
  expectStatus(submitted, 'under_review');
  // p.10–12: the akimat of the owner's district approves with EDS, typing the technical passport and a free plate.
  const approved = await step('approve', async () => {
    const app = await reviewApplication(b.db, b.akimat.grants[0]!, id, b.akimat);
    const input = { technicalPassport: { number: m.passport, issuedOn: b.today }, plate: m.plate };
    const document = await machineryApprovalDocumentOf(b.db, app, b.akimat.iin, decisionFields(app, input));
    const cms = await b.pki.sign(signer(b.akimat), document);
    return approveMachinery(b.ctx(b.akimat), { id, version: app.version, cms, ...input });
  });
  expectStatus(approved, 'approved');
  // p.11: the owner collects the document and the plate at the CON's issuance desk.
  const issued = await step('issue', async () => {
    const desk = b.ctx(b.machineryDesk);
    const app = await deskApplication(desk, id);
    const k = counters.card++;
    return issueMachinery(desk, {
      id,
      version: app.version,
      documentNumber: m.documentNumber,
      documentSerial: `KZ ${String(1_000_000 + (k % 9_000_000))}`,
      plateSerial: String(100_000_000 + k),
    });
  });
  expectStatus(issued, 'issued');
}

/** One online residence registration: the applicant moves into a flat another person owns alone. */
type ResidenceMove = { applicant: Actor; owner: Actor; cadastralNumber: string };

const ARRIVAL_FORM: ArrivalForm = {
  previousAddress: 'Астана қ., Бенч к-сі, 1',
  previousRegionCode: REGION,
  movingReason: 'family',
  education: 'higher',
  occupation: 'employed',
  maritalStatus: 'never_married',
  nationality: null,
};

async function residenceFlow(b: Bench, m: ResidenceMove, step: Step) {
  const c = b.ctx(m.applicant);
  const reload = () => citizenResidence(b.db, m.applicant, id);
  const { applicationId: id } = await step('start', () => startResidence(c, { kind: 'permanent', locale: 'kk' }));
  await step('dwelling', async () => chooseDwelling(c, { id, version: (await reload()).version, cadastralNumber: m.cadastralNumber }));
  await step('arrival_form', async () => saveArrivalForm(c, { id, version: (await reload()).version, form: ARRIVAL_FORM }));
  const finished = await step('finish', async () => finishDraft(c, { id, version: (await reload()).version }));
  if (finished !== 'awaiting_owner_consent') throw new Error(`finish: ${finished}`);
  // The owner opens the request from the SMS and consents with EDS over what the page shows.
  const answered = await step('owner_consent', async () => {
    const [request] = await b.db
      .select({ id: residenceConsents.id })
      .from(residenceConsents)
      .where(and(eq(residenceConsents.applicationId, id), eq(residenceConsents.ownerIin, m.owner.iin)));
    if (!request) throw new Error('no consent request for the owner');
    const consent = (await loadConsentCase(b.db, request.id))!;
    const { document } = await consentDetails(b.ctx(m.owner).registries, consent, 'kk');
    const cms = await b.pki.sign(signer(m.owner), document);
    return answerResidenceConsent(b.ctx(m.owner), {
      consentId: request.id,
      version: consent.consent.version,
      locale: 'kk',
      answer: 'consent',
      cms,
    });
  });
  if (answered.application !== 'ready_to_sign') throw new Error(`consent: ${answered.application}`);
  const registered = await step('sign', async () => {
    const app = await reload();
    const cms = await b.pki.sign(signer(m.applicant), await residenceDocumentOf(c.registries, app, m.applicant));
    // As the signing action builds it: the registry calls are logged against the application.
    return signResidence({ ...c, registries: getRegistries(b.db, { applicationId: id }) }, { id, version: app.version, cms });
  });
  expectStatus(registered ?? { status: 'missing' }, 'registered');
}

/**
 * Signing as people do it on their side (NCALayer): the demo PKI's CA (tests/support/pki.ts; DEMO_MODE trusts it)
 * and a certificate for each signer, issued while preparing. Each needs a certificate with their own IIN, not a
 * key of their own: one RSA pair for all (generating one takes ~50 ms, two per person) keeps preparing hundreds of
 * signers to seconds.
 */
async function demoSigner(db: Db) {
  const intermediate = await demoIntermediate(db);
  const certificates = new Map<string, { certPem: string; key: CryptoKey }>();
  const keyOf = (p: PersonOptions) => `${p.iin}:${p.bin ?? ''}`;
  return {
    async issue(people: PersonOptions[]) {
      const subtle = globalThis.crypto.subtle;
      const keys = await subtle.generateKey(
        { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
        true,
        ['sign', 'verify'],
      );
      Object.assign(subtle, { generateKey: async () => keys });
      try {
        for (const p of people) {
          const { signing } = await issuePersonCertificates(intermediate, p);
          certificates.set(keyOf(p), { certPem: signing.certPem, key: await importPrivateKey(signing.keyPkcs8Der) });
        }
      } finally {
        delete (subtle as { generateKey?: unknown }).generateKey;
      }
    },
    async sign(p: PersonOptions, document: unknown) {
      const cert = certificates.get(keyOf(p));
      if (!cert) throw new Error('no certificate issued for this signer');
      return signDetachedCms({
        data: canonicalBytes(document),
        certPem: cert.certPem,
        privateKey: cert.key,
        chainPems: [intermediate.certPem],
      });
    },
  };
}

/** `n` values of `make(k)`, k counting on across sets, that `taken` does not report as anyone's already. */
async function fresh(
  n: number,
  counter: keyof typeof counters,
  make: (k: number) => string,
  taken: (values: string[]) => Promise<string[]>,
) {
  const out = new Set<string>();
  while (out.size < n) {
    const candidates = new Set<string>();
    while (candidates.size < n - out.size) {
      const value = make(counters[counter]++);
      if (!out.has(value)) candidates.add(value);
    }
    const used = new Set(await taken([...candidates]));
    for (const value of candidates) if (!used.has(value)) out.add(value);
  }
  return [...out];
}

/** Citizens of Astana whose ID card expires in 20 days (the renewal window is open), with a BMG number and a certificate. */
async function makePeople(b: Bench, n: number): Promise<Actor[]> {
  // makeIin moves on to the next serial when one has no check digit, so two k may give one IIN: `fresh` dedupes.
  const iins = await fresh(
    n,
    'iin',
    (k) => makeIin(addDays('1970-01-01', k % 7300), 'male', 5000 + Math.floor(k / 7300)),
    async (values) => [
      ...(await b.db.select({ iin: persons.iin }).from(persons).where(inArray(persons.iin, values))).map((r) => r.iin),
      ...(await b.db.select({ iin: users.iin }).from(users).where(inArray(users.iin, values))).map((r) => r.iin),
    ],
  );
  const actors: Actor[] = [];
  for (const part of batches(iins)) {
    const rows = await b.db
      .insert(users)
      .values(part.map((iin) => ({ iin, surname: 'Бенчев', givenName: 'Тест', locale: 'kk' as const })))
      .returning({ id: users.id, iin: users.iin });
    await b.db.insert(userRoles).values(rows.map((u) => ({ userId: u.id, role: 'citizen' as const })));
    await b.db.insert(persons).values(
      part.map((iin) => ({
        iin,
        surnameKk: 'Бенчев',
        surnameRu: 'Бенчев',
        givenNameKk: 'Тест',
        givenNameRu: 'Тест',
        surnameLat: 'BENCHEV',
        givenNameLat: 'TEST',
        birthDate: `19${iin.slice(0, 2)}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`,
        sex: 'male' as const,
        regionCode: REGION,
        addressKk: 'Астана қ., Бенч к-сі, 1',
        addressRu: 'г. Астана, ул. Бенч, 1',
        docNumber: `0${iin.slice(-8)}`,
        docIssuedOn: addDays(b.today, 20 - 3652),
        docExpiresOn: addDays(b.today, 20),
      })),
    );
    await b.db.insert(mobileNumbers).values(part.map((iin) => ({ iin, phone: `+7701${iin.slice(-7)}` })));
    actors.push(
      ...rows.map((u) => ({
        userId: u.id,
        sessionId: '00000000-0000-4000-8000-000000000000',
        iin: u.iin,
        surname: 'Бенчев',
        givenName: 'Тест',
        patronymic: null,
        locale: 'kk' as const,
        grants: [CITIZEN],
        isStaff: false,
      })),
    );
  }
  await b.pki.issue(actors.map(signer));
  return actors;
}

/** A buyer each, and a VIN each with its e-passport, customs, recycling fee and sale contract with Astana Motors; plates for all. */
async function makeSales(b: Bench, n: number) {
  const buyers = await makePeople(b, n);
  const vins = await fresh(
    n,
    'vin',
    (k) => `XBN${String(k).padStart(14, '0')}`,
    async (values) =>
      (await b.db.select({ vin: vehiclePassports.vin }).from(vehiclePassports).where(inArray(vehiclePassports.vin, values))).map(
        (r) => r.vin,
      ),
  );
  const sales = buyers.map((buyer, i) => ({ buyer, vin: vins[i]! }));
  for (const part of batches(sales)) {
    await b.db.insert(vehiclePassports).values(
      part.map(({ vin }) => ({
        vin,
        make: 'Hyundai',
        model: 'Tucson',
        year: 2026,
        category: 'M1',
        colourKk: 'Ақ',
        colourRu: 'Белый',
        engine: `G4NL ${vin.slice(11)}`,
        bodyNumber: vin,
        massKg: 2155,
        manufacturerBin: BIN.hyundaiTrans,
      })),
    );
    await b.db
      .insert(customsPayments)
      .values(part.map(({ vin }) => ({ vin, paid: true, declarationNumber: `55201/BENCH/${vin.slice(-8)}` })));
    await b.db.insert(recyclingFees).values(part.map(({ vin }) => ({ vin, paid: true })));
    await b.db.insert(saleContracts).values(
      part.map(({ buyer, vin }) => ({
        sellerBin: BIN.astanaMotors,
        buyerIin: buyer.iin,
        vin,
        number: `ДКП-BN-${vin.slice(-8)}`,
        signedOn: addDays(b.today, -1),
        priceTiyn: 1_249_000_000,
      })),
    );
  }
  await ensureFreePlates(b.db, n);
  return sales;
}

/** Step 19 takes a free person's plate of the CON's region: the pool gets what the set needs beyond the seeded ones. */
async function ensureFreePlates(db: Db, n: number) {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const free = () =>
    db
      .select({ n: count() })
      .from(platePool)
      .where(and(eq(platePool.regionCode, REGION), eq(platePool.plateType, 'standard_person'), eq(platePool.status, 'free')));
  for (;;) {
    const [row] = await free();
    const missing = n - (row?.n ?? 0);
    if (missing <= 0) return;
    const numbers: string[] = [];
    while (numbers.length < missing) {
      const k = counters.plate++;
      const digits = 11 + (k % 989),
        pair = Math.floor(k / 989);
      const series = `X${letters[Math.floor(pair / 23) % 23]}${letters[pair % 23]}`;
      if (!isHighDemandDigits(digits) && series !== 'XXX') numbers.push(`${String(digits).padStart(3, '0')} ${series} ${REGION}`);
    }
    await db
      .insert(platePool)
      .values(numbers.map((number) => ({ regionCode: REGION, plateType: 'standard_person', number })))
      .onConflictDoNothing();
  }
}

/**
 * Owners for `n` machinery intakes: each in GBD FL (registered in Almaty's Bostandyq district, the Digital-ID check
 * passing, an ID document of their own to be found by), with a BMG number and every registration fee paid in full
 * (p.6 (3)); a fresh serial for the tractor, a free plate of the region in the archive and a passport number each.
 */
async function makeMachineryIntakes(b: Bench, n: number): Promise<MachineryIntakeItem[]> {
  if (n <= 0) return [];
  const iins = await fresh(
    n,
    'iin',
    (k) => makeIin(addDays('1970-01-01', k % 7300), 'male', 5000 + Math.floor(k / 7300)),
    async (values) => [
      ...(await b.db.select({ iin: persons.iin }).from(persons).where(inArray(persons.iin, values))).map((r) => r.iin),
      ...(await b.db.select({ iin: users.iin }).from(users).where(inArray(users.iin, values))).map((r) => r.iin),
    ],
  );
  // identify() finds the person by the document's number: each must be the only one with it.
  const documents = await fresh(
    n,
    'document',
    (k) => `07${String(k).padStart(7, '0')}`,
    async (values) =>
      (await b.db.select({ doc: persons.docNumber }).from(persons).where(inArray(persons.docNumber, values))).map((r) => r.doc),
  );
  const serials = await fresh(
    n,
    'serial',
    (k) => `BENCH-MTZ-${String(k).padStart(8, '0')}`,
    async (values) =>
      (await b.db.select({ s: machines.serialNumber }).from(machines).where(inArray(machines.serialNumber, values))).map((r) => r.s),
  );
  // Tractor plates `T 6001 02`…, then other letters; the seeded free ones (5001–5030) stay for the demo.
  const letters = 'TCPSABDEFGHJKLMNRUVWXYZ';
  const plates = await fresh(
    n,
    'machineryPlate',
    (k) => `${letters[Math.floor(k / 3999) % letters.length]} ${6001 + (k % 3999)} ${MACHINERY_REGION}`,
    async (values) =>
      (await b.db.select({ number: machineryPlates.number }).from(machineryPlates).where(inArray(machineryPlates.number, values))).map(
        (r) => r.number,
      ),
  );
  const items = iins.map((ownerIin, i) => ({
    ownerIin,
    documentNumber: documents[i]!,
    serial: serials[i]!,
    plate: plates[i]!,
    passport: `${MACHINERY_REGION}TP${String(1_000_000 + counters.passport++)}`,
  }));
  const paidAt = new Date(Date.now() - 86_400_000);
  for (const part of batches(items)) {
    await b.db.insert(persons).values(
      part.map(({ ownerIin: iin, documentNumber }) => ({
        iin,
        surnameKk: 'Бенчев',
        surnameRu: 'Бенчев',
        givenNameKk: 'Тест',
        givenNameRu: 'Тест',
        surnameLat: 'BENCHEV',
        givenNameLat: 'TEST',
        birthDate: `19${iin.slice(0, 2)}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`,
        sex: 'male' as const,
        regionCode: MACHINERY_REGION,
        addressKk: 'Алматы қ., Бостандық ауданы, Бенч к-сі, 1',
        addressRu: 'г. Алматы, Бостандыкский район, ул. Бенч, 1',
        docNumber: documentNumber,
        docIssuedOn: addDays(b.today, -365),
        docExpiresOn: addDays(b.today, 3287),
      })),
    );
    await b.db.insert(mobileNumbers).values(part.map(({ ownerIin: iin }) => ({ iin, phone: `+7705${iin.slice(-7)}` })));
    await b.db.insert(feePayments).values(
      part.flatMap(({ serial, ownerIin }) =>
        b.machineryFees.map((fee) => ({
          payer: ownerIin,
          feeCode: fee.code,
          amountTiyn: fee.requiredTiyn,
          paidAt,
          reference: `BENCH-${serial.slice(-8)}-${fee.code}`,
        })),
      ),
    );
    await b.db
      .insert(machineryPlates)
      .values(part.map(({ plate }) => ({ number: plate, regionCode: MACHINERY_REGION, status: 'free' as const })));
  }
  return items;
}

/** `n` applicants and as many owners (citizens with certificates), and a flat in Karaganda for each owner alone. */
async function makeResidenceMoves(b: Bench, n: number): Promise<ResidenceMove[]> {
  if (n <= 0) return [];
  const people = await makePeople(b, 2 * n);
  const flats = await fresh(
    n,
    'dwelling',
    (k) => `${RESIDENCE_REGION}-999-${String(Math.floor(k / 500)).padStart(4, '0')}-${k % 500}:1`,
    async (values) =>
      (await b.db.select({ c: properties.cadastralNumber }).from(properties).where(inArray(properties.cadastralNumber, values))).map(
        (r) => r.c,
      ),
  );
  const moves = flats.map((cadastralNumber, i) => ({ applicant: people[2 * i]!, owner: people[2 * i + 1]!, cadastralNumber }));
  for (const part of batches(moves)) {
    await b.db.insert(properties).values(
      part.map(({ cadastralNumber }, i) => ({
        cadastralNumber,
        regionCode: RESIDENCE_REGION,
        kind: 'flat' as const,
        totalAreaM2: 54,
        addressKk: `Қарағанды облысы, Қарағанды қ., Бенч көшесі, ${cadastralNumber.split('-')[2]}, ${i + 1}-пәтер`,
        addressRu: `Карагандинская область, г. Караганда, ул. Бенч, д. ${cadastralNumber.split('-')[2]}, кв. ${i + 1}`,
      })),
    );
    await b.db
      .insert(propertyOwners)
      .values(part.map(({ cadastralNumber, owner }) => ({ cadastralNumber, iin: owner.iin, shareMilli: 1000 })));
  }
  return moves;
}
