import { createHash, randomInt } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { productionOrders, rpDrnRefusals } from '@/db/schema/registry';
import {
  srtsPrintOrderSchema,
  type DocumentProduction,
  type IdCardProductionOrder,
  type IdCardRequest,
  type ProductionOrder,
  type SrtsPrintOrder,
} from './port';

type Kind = ProductionOrder['kind'];
type Row = typeof productionOrders.$inferSelect;

const PREFIX: Record<Kind, string> = { id_card: 'RPD', srts: 'SRTS' };
const toOrder = ({ id, kind, reference, status, refusalReason, createdAt }: Row): ProductionOrder => ({
  orderId: id,
  kind,
  reference,
  status,
  refusalReason: (refusalReason as ProductionOrder['refusalReason']) ?? null,
  createdAt,
});
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The simulated IPC prints an SRTS in this many seconds from the order (in production from half-way). */
export const SRTS_PRINT_SECONDS = 8;

export type ProductionSimulatorOptions = {
  /** How long the simulated factory takes to make a card (default 30 s, env RP_DRN_SIM_PRODUCTION_SECONDS). */
  productionSeconds?: number;
  /** How long the printing house takes to print an SRTS (default SRTS_PRINT_SECONDS). */
  srtsSeconds?: number;
  now?: () => Date;
};

/**
 * RP DRN as a simulator: refusals come from seeded data (`registry.rp_drn_refusals`); an ordered card is ready once
 * its production time has passed, which `status` reports (the factory's clock, not the portal's).
 */
export class ProductionSimulator implements DocumentProduction {
  private readonly productionSeconds: number;
  private readonly srtsSeconds: number;
  private readonly now: () => Date;

  constructor(
    private readonly db: DbOrTx,
    options: ProductionSimulatorOptions = {},
  ) {
    this.productionSeconds = options.productionSeconds ?? Number(process.env.RP_DRN_SIM_PRODUCTION_SECONDS ?? 30);
    this.srtsSeconds = options.srtsSeconds ?? SRTS_PRINT_SECONDS;
    this.now = options.now ?? (() => new Date());
  }

  async registerIdCard(request: IdCardRequest): Promise<ProductionOrder> {
    const existing = await this.find('id_card', request.reference);
    if (existing) return toOrder(existing);
    const [refusal] = await this.db.select().from(rpDrnRefusals).where(eq(rpDrnRefusals.iin, request.iin));
    return this.insert('id_card', request.reference, {
      iin: request.iin,
      status: refusal ? 'refused' : 'registered',
      refusalReason: refusal?.reason ?? null,
    });
  }

  async orderIdCard(order: IdCardProductionOrder): Promise<ProductionOrder | null> {
    const [row] = await this.db
      .select()
      .from(productionOrders)
      .where(and(eq(productionOrders.kind, 'id_card'), eq(productionOrders.id, order.ticket)));
    if (!row) return null;
    if (row.status !== 'registered') return toOrder(row); // ordered already (a retry), or refused at step 13
    const now = this.now();
    // The factory keeps what it received; the simulator stores the images' digests, not the images.
    const payload = {
      person: order.person,
      photo: { sha256: sha256(order.photo.bytes), bytes: order.photo.bytes.byteLength, mimeType: order.photo.mimeType },
      signatureSample: {
        sha256: sha256(order.signatureSample.bytes),
        bytes: order.signatureSample.bytes.byteLength,
        mimeType: order.signatureSample.mimeType,
      },
      registrationPointId: order.registrationPointId,
    };
    const [updated] = await this.db
      .update(productionOrders)
      .set({
        status: 'in_production',
        payload,
        orderedAt: now,
        readyAt: new Date(now.getTime() + this.productionSeconds * 1000),
      })
      .where(and(eq(productionOrders.id, row.id), eq(productionOrders.status, 'registered')))
      .returning();
    return toOrder(updated ?? row);
  }

  async cancelIdCard(ticket: string): Promise<ProductionOrder | null> {
    const [cancelled] = await this.db
      .update(productionOrders)
      .set({ status: 'cancelled' })
      .where(and(eq(productionOrders.kind, 'id_card'), eq(productionOrders.id, ticket), eq(productionOrders.status, 'registered')))
      .returning();
    if (cancelled) return toOrder(cancelled);
    const [row] = await this.db
      .select()
      .from(productionOrders)
      .where(and(eq(productionOrders.kind, 'id_card'), eq(productionOrders.id, ticket)));
    return row ? toOrder(row) : null; // cancelled already (a retry), ordered for production, or refused
  }

  async orderSrts(order: SrtsPrintOrder): Promise<ProductionOrder> {
    const payload = srtsPrintOrderSchema.parse(order); // the printing house rejects an order it cannot print
    const existing = await this.find('srts', payload.srtsNumber);
    return this.advance(existing ? toOrder(existing) : await this.insert('srts', payload.srtsNumber, { payload }));
  }

  async status(orderId: string): Promise<ProductionOrder | null> {
    const [row] = await this.db.select().from(productionOrders).where(eq(productionOrders.id, orderId));
    if (!row) return null;
    if (row.kind === 'srts') return this.advance(toOrder(row));
    if (row.status === 'in_production' && row.readyAt && row.readyAt <= this.now()) {
      const [ready] = await this.db.update(productionOrders).set({ status: 'ready' }).where(eq(productionOrders.id, orderId)).returning();
      return toOrder(ready ?? row);
    }
    return toOrder(row);
  }

  /** Simulator control, not part of the port: the demo moves an order along as the factory would. */
  async setStatus(orderId: string, status: ProductionOrder['status']): Promise<ProductionOrder | null> {
    const [row] = await this.db.update(productionOrders).set({ status }).where(eq(productionOrders.id, orderId)).returning();
    return row ? toOrder(row) : null;
  }

  /** Simulator control: what the printing house (or the factory) was asked to make. */
  async payloadOf(orderId: string): Promise<Record<string, unknown> | null> {
    const [row] = await this.db
      .select({ payload: productionOrders.payload })
      .from(productionOrders)
      .where(eq(productionOrders.id, orderId));
    return row?.payload ?? null;
  }

  /** An SRTS order answers over time: accepted, in production from half the print time, printed (`ready`) after it. */
  private async advance(order: ProductionOrder): Promise<ProductionOrder> {
    if (order.kind !== 'srts' || (order.status !== 'accepted' && order.status !== 'in_production')) return order;
    const elapsed = (this.now().getTime() - order.createdAt.getTime()) / 1000;
    const due = elapsed >= this.srtsSeconds ? 'ready' : elapsed >= this.srtsSeconds / 2 ? 'in_production' : order.status;
    if (due === order.status) return order;
    // Only forward, and only from where it was: a manual setStatus in between wins.
    const [row] = await this.db
      .update(productionOrders)
      .set({ status: due })
      .where(and(eq(productionOrders.id, order.orderId), inArray(productionOrders.status, ['accepted', 'in_production'])))
      .returning();
    if (row) return toOrder(row);
    const [now] = await this.db.select().from(productionOrders).where(eq(productionOrders.id, order.orderId));
    return now ? toOrder(now) : order;
  }

  /** Simulator control: the factory finishes an ordered card now (the bench, tests). */
  async finishNow(orderId: string): Promise<void> {
    await this.db.update(productionOrders).set({ readyAt: this.now() }).where(eq(productionOrders.id, orderId));
  }

  private async find(kind: Kind, reference: string) {
    const [row] = await this.db
      .select()
      .from(productionOrders)
      .where(and(eq(productionOrders.kind, kind), eq(productionOrders.reference, reference)));
    return row ?? null;
  }

  private async insert(kind: Kind, reference: string, set: Partial<typeof productionOrders.$inferInsert>): Promise<ProductionOrder> {
    // A readable number the citizen can quote: RPD-2026-004815162.
    const id = `${PREFIX[kind]}-${this.now().getUTCFullYear()}-${String(randomInt(1_000_000_000)).padStart(9, '0')}`;
    const [row] = await this.db
      .insert(productionOrders)
      .values({ id, kind, reference, ...set })
      .onConflictDoNothing()
      .returning();
    // Two retries at once: the unique (kind, reference) keeps the first.
    const stored = row ?? (await this.find(kind, reference));
    if (!stored) throw new Error('production order not stored');
    return toOrder(stored);
  }
}
