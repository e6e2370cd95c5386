import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { registrationPoints } from './reference';

/**
 * The ID-card pilot's part of an application (SPEC §5): one row per application, filled step by step; the
 * application row keeps status, version and scope (the chosen region for UMS DP, the registration point).
 */
export const idCardApplications = pgTable(
  'id_card_applications',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    iin: text('iin').notNull(),
    /** Step 1: the consent service's reference. */
    consentId: text('consent_id').notNull(),
    /** The card being replaced, as GBD FL knows it (step 7). */
    currentCardNumber: text('current_card_number').notNull(),
    currentCardIssuedOn: date('current_card_issued_on').notNull(),
    currentCardExpiresOn: date('current_card_expires_on').notNull(),
    /** Step 8. */
    registrationPointId: integer('registration_point_id').references(() => registrationPoints.id),
    phone: text('phone'),
    email: text('email'),
    /** Steps 9–11: stored (EXIF-stripped) uploads and the checks' results. */
    photoFileId: uuid('photo_file_id'),
    signatureFileId: uuid('signature_file_id'),
    faceMatched: boolean('face_matched'),
    /** Step 12. */
    signatureId: uuid('signature_id'),
    /** Step 13: RP DRN's registration ticket. */
    rpDrnTicket: text('rp_drn_ticket'),
    /** Step 14: the AIS SIK status that exempts from the duty, when there is one. */
    exemptStatus: text('exempt_status'),
    /** Step 18. */
    annulReason: text('annul_reason', { enum: ['photo', 'signature', 'more_checks'] }),
    annulComment: text('annul_comment'),
    decidedByUserId: uuid('decided_by_user_id'),
    /** Step 18: RP DRN's production order, sent once UMS DP approved; when its status was last asked. */
    productionOrderId: text('production_order_id'),
    productionCheckedAt: timestamp('production_checked_at', { withTimezone: true }),
    /** Order 002 p.5 (4): the country of birth (GBD FL) the production order carried, printed on the card. */
    birthCountry: text('birth_country'),
    /** Step 19. */
    newCardNumber: text('new_card_number'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    /** Set when the application ends (issued, annulled, refused): until then it is the person's one renewal. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    // One renewal in progress per person: a second "start" finds the first.
    uniqueIndex('id_card_applications_one_open')
      .on(t.iin)
      .where(sql`${t.closedAt} is null`),
    index().on(t.rpDrnTicket),
  ],
);

/** AIS SIK statuses that exempt from a fee (Tax Code art. 622(4) for the ID-card duty): data, not code. */
export const feeExemptions = pgTable(
  'fee_exemptions',
  {
    status: text('status').notNull(),
    feeCode: text('fee_code').notNull(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
  },
  (t) => [uniqueIndex().on(t.status, t.feeCode)],
);
