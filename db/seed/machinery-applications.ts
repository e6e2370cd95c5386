// Demo data of the akimat's side of the machinery pilot (orders 001/004, p.10–16): for each akimat with a reviewer
// persona, applications already sent from the front office — under review (one overdue, one due today, one just
// received), and decided ones: approved, issued, refused, and some approved over a month ago for the archive act
// (p.16). Each has a complete machinery row, the ticked checklist and a scanned copy or two. ASSUMPTION: the
// operator's EDS over the e-application is not seeded (no operator key is at hand while seeding), so
// `operator_signature_id` stays null and the review page says "signed at intake"; the tests sign it for real.
// farmerSerik is not used: the intake e2e takes him through a fresh intake.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import {
  applicationEvents,
  applicationParties,
  applications,
  calendarDays,
  files,
  machineryApplications,
  machineryChecklists,
  machineryPlates,
  machineryScans,
  machines,
} from '../schema';
import { reviewDeadline, StaticWorkCalendar } from '../../lib/calendar/deadline';
import type { MachineryAction, MachineryKind } from '../../lib/machinery/rules';
import { nextNumberOf } from '../../lib/applications/numbers';
import { addDays } from './dates';
import { AKIMAT, CON, MACHINE as M, PERSONA as P } from './personas-ids';

type Stage =
  | { status: 'under_review'; received: 'overdue' | 'due_today' | 'fresh' }
  | { status: 'approved' | 'issued'; decidedDaysAgo: number; plate?: string }
  | { status: 'refused'; decidedDaysAgo: number; reason: string; comment: string };

type Spec = {
  akimatId: number;
  centreId: number;
  region: string;
  action: MachineryAction;
  owner: string;
  locale: 'kk' | 'ru';
  phone: string;
  /** An existing machine of the register (every action but registration), or a new one described here. */
  machine: string | { serial: string; kind: MachineryKind; make: string; model: string; year: number };
  stage: Stage;
};

const almaty = { akimatId: AKIMAT.almatyBostandyq, centreId: CON.almaty1, region: '02' };
const kostanay = { akimatId: AKIMAT.kostanayRegion, centreId: CON.kostanay1, region: '10' };
// Fedorov district's farmers come to the Kostanay CON, as farmerSerik does (its front office has a worker persona).
const fedorov = { akimatId: AKIMAT.fedorov, centreId: CON.kostanay1, region: '10' };

const REFUSED_COMMENT_KK = 'Меншік құқығын растайтын шартта сатушының қолы жоқ.';
const REFUSED_COMMENT_RU = 'Заводской номер в паспорте машины не совпадает с номером на технике.';

export const MACHINERY_APPLICATIONS: readonly Spec[] = [
  // Almaty, Bostandyq district.
  {
    ...almaty,
    action: 'registration',
    owner: P.buyerAlmatyAndrey,
    locale: 'ru',
    phone: '+77017001122',
    machine: M.bulldozerNew,
    stage: { status: 'under_review', received: 'overdue' },
  },
  {
    ...almaty,
    action: 're_registration',
    owner: P.buyerWithFines,
    locale: 'ru',
    phone: '+77017003344',
    machine: M.trailerAlmaty,
    stage: { status: 'under_review', received: 'due_today' },
  },
  {
    ...almaty,
    action: 'duplicate_document',
    owner: P.buyerAlmatyAndrey,
    locale: 'kk',
    phone: '+77017001122',
    machine: M.specialTrekol,
    stage: { status: 'under_review', received: 'fresh' },
  },
  {
    ...almaty,
    action: 'registration',
    owner: P.idCardNameChange,
    locale: 'kk',
    phone: '+77017005566',
    machine: { serial: 'LGSD16-25-004411', kind: 'self_propelled', make: 'Shantui', model: 'SD16', year: 2025 },
    stage: { status: 'approved', decidedDaysAgo: 1, plate: 'C 5010 02' },
  },
  {
    ...almaty,
    action: 'registration',
    owner: P.buyerWithFines,
    locale: 'ru',
    phone: '+77017003344',
    machine: { serial: 'MTZ1221-24-207731', kind: 'tractor', make: 'Беларус (МТЗ)', model: '1221.3', year: 2024 },
    stage: { status: 'issued', decidedDaysAgo: 40, plate: 'T 5010 02' },
  },
  {
    ...almaty,
    action: 'registration',
    owner: P.studentAlmaty,
    locale: 'kk',
    phone: '+77017007788',
    machine: { serial: 'MAZ8561-23-019922', kind: 'trailer', make: 'МАЗ', model: '856102', year: 2023 },
    stage: { status: 'approved', decidedDaysAgo: 35, plate: 'P 5010 02' },
  },
  {
    ...almaty,
    action: 'registration',
    owner: P.idCardExempt,
    locale: 'ru',
    phone: '+77017009900',
    machine: { serial: 'JCB3CX-22-551208', kind: 'self_propelled', make: 'JCB', model: '3CX', year: 2022 },
    stage: { status: 'refused', decidedDaysAgo: 3, reason: 'machine_register_mismatch', comment: REFUSED_COMMENT_RU },
  },
  // Kostanay region (the regional akimat).
  {
    ...kostanay,
    action: 'deregistration',
    owner: P.grandpaBolat,
    locale: 'kk',
    phone: '+77057001001',
    machine: M.tractorOther,
    stage: { status: 'under_review', received: 'overdue' },
  },
  {
    ...kostanay,
    action: 'registration',
    owner: P.buyerKostanay,
    locale: 'ru',
    phone: '+77057002002',
    machine: { serial: 'K742M-25-000512', kind: 'tractor', make: 'Кировец', model: 'К-742М', year: 2025 },
    stage: { status: 'under_review', received: 'due_today' },
  },
  {
    ...kostanay,
    action: 'registration',
    owner: P.idCardExpired3,
    locale: 'kk',
    phone: '+77057003003',
    machine: { serial: '2PTS4-25-118840', kind: 'trailer', make: 'ТПК', model: '2ПТС-4', year: 2025 },
    stage: { status: 'under_review', received: 'fresh' },
  },
  {
    ...kostanay,
    action: 'registration',
    owner: P.idCardFaceMismatch,
    locale: 'kk',
    phone: '+77057004004',
    machine: { serial: 'KZS760-25-000777', kind: 'self_propelled', make: 'Есиль', model: 'КЗС-760', year: 2025 },
    stage: { status: 'approved', decidedDaysAgo: 2, plate: 'C 5010 10' },
  },
  {
    ...kostanay,
    action: 'registration',
    owner: P.buyerKostanay,
    locale: 'ru',
    phone: '+77057002002',
    machine: { serial: 'MTZ82-23-308812', kind: 'tractor', make: 'Беларус (МТЗ)', model: '82.1', year: 2023 },
    stage: { status: 'issued', decidedDaysAgo: 45, plate: 'T 5010 10' },
  },
  {
    ...kostanay,
    action: 'registration',
    owner: P.idCardExpired3,
    locale: 'kk',
    phone: '+77057003003',
    machine: { serial: 'TRK39294-21-004410', kind: 'special', make: 'ТРЭКОЛ', model: '39294', year: 2021 },
    stage: { status: 'refused', decidedDaysAgo: 4, reason: 'documents_inconsistent', comment: REFUSED_COMMENT_KK },
  },
  // Fedorov district.
  {
    ...fedorov,
    action: 'registration',
    owner: P.buyerNoBmg,
    locale: 'kk',
    phone: '+77057005005',
    machine: { serial: 'BTZ-25-660031', kind: 'tractor', make: 'Беларус (МТЗ)', model: '952.3', year: 2025 },
    stage: { status: 'under_review', received: 'overdue' },
  },
  {
    ...fedorov,
    action: 'registration',
    owner: P.idCardFaceMismatch,
    locale: 'ru',
    phone: '+77057004004',
    machine: { serial: 'PST-24-009915', kind: 'trailer', make: 'ПСТ', model: '9', year: 2024 },
    stage: { status: 'under_review', received: 'due_today' },
  },
  {
    ...fedorov,
    action: 'registration',
    owner: P.buyerNoBmg,
    locale: 'kk',
    phone: '+77057005005',
    machine: { serial: 'RSM161-24-120045', kind: 'self_propelled', make: 'Ростсельмаш', model: 'RSM 161', year: 2024 },
    stage: { status: 'under_review', received: 'fresh' },
  },
  {
    ...fedorov,
    action: 'registration',
    owner: P.idCardFaceMismatch,
    locale: 'ru',
    phone: '+77057004004',
    machine: { serial: 'K744-23-001193', kind: 'tractor', make: 'Кировец', model: 'К-744Р', year: 2023 },
    stage: { status: 'approved', decidedDaysAgo: 33, plate: 'T 5011 10' },
  },
  {
    ...fedorov,
    action: 'registration',
    owner: P.buyerNoBmg,
    locale: 'kk',
    phone: '+77057005005',
    machine: { serial: 'SZ35-22-770012', kind: 'trailer', make: 'СЗ', model: '3.5', year: 2022 },
    stage: { status: 'refused', decidedDaysAgo: 1, reason: 'applicant_data_mismatch', comment: REFUSED_COMMENT_KK },
  },
];

const at = (day: string, time: string) => new Date(`${day}T${time}:00+05:00`);

function previousWorkingDay(day: string, calendar: StaticWorkCalendar): string {
  let d = day;
  for (let i = 0; i < 30; i++) {
    d = addDays(d, -1);
    if (calendar.isWorkingDay(d)) return d;
  }
  return addDays(day, -1);
}

/** When the application reached the akimat, for its stage relative to `today`. */
function receivedAt(stage: Stage, today: string, calendar: StaticWorkCalendar): Date {
  if (stage.status === 'under_review') {
    const yesterday = previousWorkingDay(today, calendar);
    if (stage.received === 'overdue') return at(previousWorkingDay(yesterday, calendar), '10:00');
    if (stage.received === 'due_today') return at(yesterday, '16:30');
    return at(today, '09:10');
  }
  return at(addDays(today, -stage.decidedDaysAgo - 1), '11:00');
}

const scanBytes = (label: string) =>
  Buffer.from(`%PDF-1.4\n% Qyzmet demo scan: ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

async function nextNumber(tx: DbOrTx, year: number) {
  return nextNumberOf(tx, 'AM', year);
}

export async function seedMachineryApplications(tx: DbOrTx, today: string) {
  const days = await tx.select({ day: calendarDays.day, kind: calendarDays.kind }).from(calendarDays);
  const calendar = new StaticWorkCalendar({
    nonWorking: days.filter((d) => d.kind === 'holiday').map((d) => d.day),
    workingOverrides: days.filter((d) => d.kind === 'working').map((d) => d.day),
  });
  const checklists = await tx.select().from(machineryChecklists);
  for (const [i, spec] of MACHINERY_APPLICATIONS.entries()) {
    const received = receivedAt(spec.stage, today, calendar);
    const deadline = reviewDeadline(received, calendar);
    const decidedAt = spec.stage.status === 'under_review' ? null : at(addDays(today, -spec.stage.decidedDaysAgo), '10:30');
    const existing =
      typeof spec.machine === 'string' ? (await tx.select().from(machines).where(eq(machines.serialNumber, spec.machine)))[0] : undefined;
    const m =
      typeof spec.machine === 'string'
        ? { serial: spec.machine, kind: existing!.kind, make: existing!.make, model: existing!.model, year: existing!.year }
        : spec.machine;
    const number = await nextNumber(tx, Number(today.slice(0, 4)));
    const [app] = await tx
      .insert(applications)
      .values({
        number,
        pilot: 'machinery',
        status: spec.stage.status,
        version: spec.stage.status === 'under_review' ? 2 : spec.stage.status === 'issued' ? 4 : 3,
        applicantIin: spec.owner,
        regionCode: spec.region,
        akimatId: spec.akimatId,
        serviceCentreId: spec.centreId,
        createdAt: new Date(received.getTime() - 40 * 60_000),
        updatedAt: decidedAt ?? received,
        submittedAt: received,
        deadlineAt: deadline,
        decidedAt,
      })
      .returning({ id: applications.id });
    const id = app!.id;
    await tx.insert(applicationParties).values({ applicationId: id, iin: spec.owner, role: 'owner' }).onConflictDoNothing();
    const events: (typeof applicationEvents.$inferInsert)[] = [
      {
        applicationId: id,
        at: new Date(received.getTime() - 40 * 60_000),
        type: 'created',
        toStatus: 'received',
        actorRole: 'con_operator',
      },
      { applicationId: id, at: received, type: 'submit', fromStatus: 'received', toStatus: 'under_review', actorRole: 'con_operator' },
    ];
    const items = checklists.filter((c) => c.action === spec.action && (c.appliesTo === 'all' || c.appliesTo === 'person'));
    const ticks = items.filter((c) => c.required).map((c) => c.itemCode);
    let plate: string | null = null;
    let technicalPassport: { number: string; issuedOn: string } | null = null;
    if (spec.stage.status === 'approved' || spec.stage.status === 'issued') {
      plate = spec.stage.plate ?? null;
      const docNumber = `${spec.region}TP${String(2_100_000 + i * 173).padStart(7, '0')}`;
      technicalPassport = { number: docNumber, issuedOn: addDays(today, -spec.stage.decidedDaysAgo) };
      // The register and the plate archive as the approval left them.
      await tx
        .insert(machines)
        .values({
          serialNumber: m.serial,
          kind: m.kind,
          make: m.make,
          model: m.model,
          year: m.year,
          ownerIin: spec.owner,
          plate,
          registeredRegionCode: spec.region,
          documentNumber: docNumber,
          status: 'registered',
        })
        .onConflictDoNothing();
      if (plate)
        await tx
          .insert(machineryPlates)
          .values({ number: plate, regionCode: spec.region, status: 'assigned', machineSerial: m.serial, applicationId: id })
          .onConflictDoUpdate({ target: machineryPlates.number, set: { status: 'assigned', machineSerial: m.serial, applicationId: id } });
      events.push({
        applicationId: id,
        at: decidedAt!,
        type: 'approve',
        fromStatus: 'under_review',
        toStatus: 'approved',
        actorRole: 'akimat_reviewer',
      });
      if (spec.stage.status === 'issued')
        events.push({
          applicationId: id,
          at: new Date(decidedAt!.getTime() + 26 * 3_600_000),
          type: 'issue',
          fromStatus: 'approved',
          toStatus: 'issued',
          actorRole: 'con_issuance',
        });
    }
    if (spec.stage.status === 'refused')
      events.push({
        applicationId: id,
        at: decidedAt!,
        type: 'refuse',
        fromStatus: 'under_review',
        toStatus: 'refused',
        actorRole: 'akimat_reviewer',
      });
    await tx.insert(applicationEvents).values(events);
    await tx.insert(machineryApplications).values({
      applicationId: id,
      action: spec.action,
      applicantLocale: spec.locale,
      ownerKind: 'person',
      ownerIin: spec.owner,
      identifiedIin: spec.owner,
      biometrics: {
        passed: true,
        sampleSha256: createHash('sha256').update(`${number}:bio`).digest('hex'),
        checkedAt: received.toISOString(),
      },
      phone: spec.phone,
      machineKind: m.kind,
      make: m.make,
      model: m.model,
      year: m.year,
      serialNumber: m.serial,
      registerId: typeof spec.machine === 'string' ? spec.machine : null,
      checklistTicks: ticks,
      plate,
      technicalPassport,
      refusalReasonCode: spec.stage.status === 'refused' ? spec.stage.reason : null,
      refusalComment: spec.stage.status === 'refused' ? spec.stage.comment : null,
      ...(spec.stage.status === 'issued'
        ? {
            issuedAt: new Date(decidedAt!.getTime() + 26 * 3_600_000),
            issuedDocumentSerial: technicalPassport!.number,
            issuedPlateSerial: plate,
          }
        : {}),
    });
    for (const code of ticks.slice(0, 2)) {
      const bytes = scanBytes(`${number} ${code}`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const [file] = await tx
        .insert(files)
        .values({
          ownerIin: null,
          applicationId: id,
          purpose: 'machinery.scan',
          contentType: 'application/pdf',
          size: bytes.length,
          sha256,
          storage: 'db',
          content: bytes,
        })
        .returning({ id: files.id });
      await tx.insert(machineryScans).values({ applicationId: id, itemCode: code, fileId: file!.id, sha256, pages: 1 });
    }
  }
}
