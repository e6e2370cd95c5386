import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { idCardApplications } from '@/db/schema/id-card';
import { transition } from '@/lib/applications/core';
import { isDomainError } from '@/lib/errors';
import { getFileStore } from '@/lib/files/store';
import { logError } from '@/lib/log';
import { notify } from '@/lib/outbox';
import type { Registries } from '@/lib/registries';
import { isRegistryUnavailable } from '@/lib/registries/errors';
import { loadIdCardApplication } from './load';
import { idCardMachine as machine } from './machine';

// Step 18 of order 002 and p.11 ¶1: once UMS DP approves, the application goes to RP DRN's production centre with
// its data; RP DRN then says when the card is made. The portal keeps no production clock of its own.

const changedMeanwhile = (e: unknown) => {
  if (isDomainError(e) && e.code === 'application_changed') return false;
  throw e;
};

/**
 * Sends an approved card's production order to RP DRN: the personal data from GBD FL (the country of birth among
 * them, p.5 (4)), the photo and the signature sample themselves, and the registration point. False when the card
 * is not (or no longer) approved. RP DRN being down throws RegistryUnavailableError: the sweep tries again.
 */
export async function orderProduction(db: Db, registries: Registries, applicationId: string): Promise<boolean> {
  const app = await loadIdCardApplication(db, applicationId);
  if (!app || app.status !== 'approved') return false;
  const c = app.card;
  const person = await registries.gbdFl.findPerson(c.iin);
  const store = getFileStore();
  const [photo, sample] = await Promise.all([store.read(db, c.photoFileId!), store.read(db, c.signatureFileId!)]);
  if (!person || !photo || !sample || !c.rpDrnTicket || !c.registrationPointId)
    throw new Error(`id card ${app.number}: production order data missing`);
  const names = person.names.kk;
  const order = await registries.production.orderIdCard({
    ticket: c.rpDrnTicket,
    person: {
      iin: person.iin,
      surname: names.surname,
      givenName: names.givenName,
      patronymic: names.patronymic,
      surnameLat: person.names.lat.surname,
      givenNameLat: person.names.lat.givenName,
      birthDate: person.birthDate,
      sex: person.sex,
      birthCountry: person.birthCountry,
    },
    photo: { bytes: photo.data, mimeType: photo.file.contentType },
    signatureSample: { bytes: sample.data, mimeType: sample.file.contentType },
    registrationPointId: c.registrationPointId,
  });
  if (!order || order.status === 'refused' || order.status === 'registered')
    throw new Error(`id card ${app.number}: RP DRN did not accept the production order`);
  return db
    .transaction(async (tx) => {
      await tx
        .update(idCardApplications)
        .set({ productionOrderId: order.orderId, birthCountry: person.birthCountry, productionCheckedAt: new Date() })
        .where(eq(idCardApplications.applicationId, app.id));
      await transition(tx, {
        id: app.id,
        expectedVersion: app.version,
        machine,
        event: 'production_started',
        actor: null,
        grant: null,
        data: { order: order.orderId },
      });
      return true;
    })
    .catch(changedMeanwhile);
}

export type ProductionCard = { id: string; version: number; number: string; iin: string; productionOrderId: string | null };

/** Asks RP DRN where one card in production is; ready → `ready_for_pickup` and the citizen's SMS. */
export async function pollProduction(db: Db, registries: Registries, card: ProductionCard, now = new Date()): Promise<boolean> {
  const order = card.productionOrderId ? await registries.production.status(card.productionOrderId) : null;
  if (order?.status !== 'ready') {
    // Asked and not ready: to the back of the queue, so a long production queue never hides a card that is done.
    await db.update(idCardApplications).set({ productionCheckedAt: now }).where(eq(idCardApplications.applicationId, card.id));
    return false;
  }
  return db
    .transaction(async (tx) => {
      await transition(tx, { id: card.id, expectedVersion: card.version, machine, event: 'produced', actor: null, grant: null });
      await notify(tx, `id_card:${card.id}:ready`, {
        recipientIin: card.iin,
        applicationId: card.id,
        kind: 'id_card_ready',
        sms: true,
        params: { number: card.number },
      });
      return true;
    })
    .catch(changedMeanwhile);
}

const cardsIn = (db: Db, status: 'approved' | 'in_production', limit: number) =>
  db
    .select({
      id: applications.id,
      version: applications.version,
      number: applications.number,
      iin: idCardApplications.iin,
      productionOrderId: idCardApplications.productionOrderId,
    })
    .from(applications)
    .innerJoin(idCardApplications, eq(idCardApplications.applicationId, applications.id))
    .where(and(eq(applications.pilot, 'id_card'), eq(applications.status, status)))
    .orderBy(status === 'approved' ? asc(applications.updatedAt) : sql`${idCardApplications.productionCheckedAt} asc nulls first`)
    .limit(limit);

/**
 * The production job: approved cards whose order did not go out yet (RP DRN was down at approval), then the cards
 * in production, least recently asked first. Stops at the first RP DRN failure (the next run tries again); any
 * other failure of one card is logged and the others go on. Returns how many cards moved on.
 */
export async function advanceProduction(db: Db, registries: Registries, now = new Date()): Promise<number> {
  let moved = 0;
  const each = async <T extends { id: string }>(cards: T[], step: (card: T) => Promise<boolean>) => {
    for (const card of cards) {
      try {
        if (await step(card)) moved++;
      } catch (e) {
        if (isRegistryUnavailable(e)) return false;
        logError('id_card_production', e, { application: card.id });
      }
    }
    return true;
  };
  if (await each(await cardsIn(db, 'approved', 50), (c) => orderProduction(db, registries, c.id)))
    await each(await cardsIn(db, 'in_production', 200), (c) => pollProduction(db, registries, c, now));
  return moved;
}
