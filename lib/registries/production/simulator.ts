import { createHash, randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { productionOrders, rpDrnRefusals } from '@/db/schema/registry';
import type { DocumentProduction, IdCardProductionOrder, IdCardRequest, ProductionOrder } from './port';

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

export type ProductionSimulatorOptions = {
  /** How long the simulated factory takes to make a card (default 30 s, env RP_DRN_SIM_PRODUCTION_SECONDS). */
  productionSeconds?: number;
  now?: () => Date;
};

/**
 * RP DRN as a simulator: refusals come from seeded data (`registry.rp_drn_refusals`); an ordered card is ready once
 * its production time has passed, which `status` reports (the factory's clock, not the portal's).
 */
export class ProductionSimulator implements DocumentProduction {
  private readonly productionSeconds: number;
  private readonly now: () => Date;

  constructor(
    private readonly db: DbOrTx,
    options: ProductionSimulatorOptions = {},
  ) {
    this.productionSeconds = options.productionSeconds ?? Number(process.env.RP_DRN_SIM_PRODUCTION_SECONDS ?? 30);
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

  orderSrts(reference: string): Promise<ProductionOrder> {
    return this.find('srts', reference).then((row) => (row ? toOrder(row) : this.insert('srts', reference, {})));
  }

  async status(orderId: string): Promise<ProductionOrder | null> {
    const [row] = await this.db.select().from(productionOrders).where(eq(productionOrders.id, orderId));
    if (!row) return null;
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
