import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications';
import type { Fine } from '@/lib/registries/erap/port';
import { serviceCentres } from './reference';

/** What the e-passport system said about the vehicle at step 3 (re-checked at step 12), as signed. */
export type VehicleSnapshot = {
  make: string;
  model: string;
  year: number;
  category: string;
  colourKk: string;
  colourRu: string;
  engine: string;
  bodyNumber: string;
  massKg: number;
};
export type ContractSnapshot = { number: string; signedOn: string; priceTiyn: number };
export type PersonName = { surname: string; givenName: string; patronymic: string | null };

/**
 * The vehicle pilot's part of an application (SPEC §3): one row per application, filled step by step. The
 * application row (status, version, scope: dealer BIN, region, pickup CON) stays the one source of state.
 */
export const vehicleApplications = pgTable(
  'vehicle_applications',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    vin: text('vin').notNull(),
    dealerBin: text('dealer_bin').notNull(),
    dealerNameKk: text('dealer_name_kk').notNull(),
    dealerNameRu: text('dealer_name_ru').notNull(),
    vehicle: jsonb('vehicle').$type<VehicleSnapshot>(),
    customsDeclaration: text('customs_declaration'),
    buyerIin: text('buyer_iin'),
    buyerNameKk: jsonb('buyer_name_kk').$type<PersonName>(),
    buyerNameRu: jsonb('buyer_name_ru').$type<PersonName>(),
    contract: jsonb('contract').$type<ContractSnapshot>(),
    /** Step 15: where the buyer collects the SRTS and plates, and which plate type. */
    pickupCentreId: integer('pickup_centre_id').references(() => serviceCentres.id),
    plateType: text('plate_type'),
    /** Step 16: the BMG number, or the one the buyer typed when BMG had none. */
    phone: text('phone'),
    phoneSource: text('phone_source', { enum: ['bmg', 'buyer'] }),
    /** Step 19. */
    plateNumber: text('plate_number').unique(),
    srtsNumber: text('srts_number').unique(),
    srtsOrderId: text('srts_order_id'),
    dealerSignatureId: uuid('dealer_signature_id'),
    buyerSignatureId: uuid('buyer_signature_id'),
    declineReason: text('decline_reason'),
    /** A motivated refusal: the message code and its parameters, shown in the reader's language. */
    refusalCode: text('refusal_code'),
    refusalParams: jsonb('refusal_params').$type<Record<string, unknown>>(),
    /** Step 14: ERAP's unpaid fines while the application waits for the buyer to pay them (cleared on the re-check). */
    unpaidFines: jsonb('unpaid_fines').$type<Fine[]>(),
    /** When the buyer's time runs out (days from the dealer's signature, pilot setting); reminders before it. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** Set when the application closes without registration: until then it holds the VIN. */
    vinReleasedAt: timestamp('vin_released_at', { withTimezone: true }),
    /** Chapter 2: what the issuance desk handed over. */
    srtsBlankSerial: text('srts_blank_serial'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
  },
  (t) => [
    // A VIN is in at most one open (or registered) application: the database says so, not only the code.
    uniqueIndex('vehicle_applications_open_vin')
      .on(t.vin)
      .where(sql`${t.vinReleasedAt} is null`),
    index().on(t.vin),
    index().on(t.buyerIin),
    index().on(t.expiresAt),
  ],
);

/** Electronic queue tickets of a CON (chapter 2 of order 000): numbered per CON, service and day, e.g. B-017. */
export const queueTickets = pgTable(
  'queue_tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceCentreId: integer('service_centre_id')
      .notNull()
      .references(() => serviceCentres.id),
    day: date('day').notNull(),
    service: text('service', { enum: ['vehicle_documents', 'machinery', 'residence'] }).notNull(),
    seq: integer('seq').notNull(),
    code: text('code').notNull(),
    applicationId: uuid('application_id').references(() => applications.id),
    /** Null for a machinery ticket: the front office identifies the person by the document they present (p.6 (1)). */
    iin: text('iin'),
    status: text('status', { enum: ['waiting', 'called', 'served', 'no_show'] })
      .notNull()
      .default('waiting'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    calledAt: timestamp('called_at', { withTimezone: true }),
  },
  (t) => [unique().on(t.serviceCentreId, t.day, t.service, t.seq), index().on(t.serviceCentreId, t.day, t.status, t.seq)],
);
