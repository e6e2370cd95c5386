import { randomInt } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { productionOrders } from '@/db/schema/registry';
import { srtsPrintOrderSchema, type DocumentProduction, type ProductionOrder, type SrtsPrintOrder } from './port';

type Kind = ProductionOrder['kind'];
type Row = typeof productionOrders.$inferSelect;

const PREFIX: Record<Kind, string> = { id_card: 'RPD', srts: 'SRTS' };
const toOrder = (row: Row): ProductionOrder => ({
  orderId: row.id,
  kind: row.kind,
  reference: row.reference,
  status: row.status,
  createdAt: row.createdAt,
});

/** The simulated IPC prints an SRTS in this many seconds from the order (in production from half-way). */
export const SRTS_PRINT_SECONDS = 8;

export class ProductionSimulator implements DocumentProduction {
  constructor(
    private readonly db: DbOrTx,
    private readonly printing: { srtsSeconds: number; now: () => Date } = { srtsSeconds: SRTS_PRINT_SECONDS, now: () => new Date() },
  ) {}

  orderIdCard(reference: string): Promise<ProductionOrder> {
    return this.order('id_card', reference, null);
  }

  async orderSrts(order: SrtsPrintOrder): Promise<ProductionOrder> {
    const payload = srtsPrintOrderSchema.parse(order); // the printing house rejects an order it cannot print
    return this.advance(await this.order('srts', payload.srtsNumber, payload));
  }

  async status(orderId: string): Promise<ProductionOrder | null> {
    const [row] = await this.db.select().from(productionOrders).where(eq(productionOrders.id, orderId));
    return row ? this.advance(toOrder(row)) : null;
  }

  /** Simulator control, not part of the port: the demo moves an order along as the factory would. */
  async setStatus(orderId: string, status: ProductionOrder['status']): Promise<ProductionOrder | null> {
    const [row] = await this.db.update(productionOrders).set({ status }).where(eq(productionOrders.id, orderId)).returning();
    return row ? toOrder(row) : null;
  }

  /** Simulator control: what the printing house was asked to print. */
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
    const elapsed = (this.printing.now().getTime() - order.createdAt.getTime()) / 1000;
    const due = elapsed >= this.printing.srtsSeconds ? 'ready' : elapsed >= this.printing.srtsSeconds / 2 ? 'in_production' : order.status;
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

  private async order(kind: Kind, reference: string, payload: SrtsPrintOrder | null): Promise<ProductionOrder> {
    const [existing] = await this.db
      .select()
      .from(productionOrders)
      .where(and(eq(productionOrders.kind, kind), eq(productionOrders.reference, reference)));
    if (existing) return toOrder(existing);
    // A readable number the citizen can quote: RPD-2026-004815162.
    const id = `${PREFIX[kind]}-${new Date().getUTCFullYear()}-${String(randomInt(1_000_000_000)).padStart(9, '0')}`;
    const [row] = await this.db.insert(productionOrders).values({ id, kind, reference, payload }).onConflictDoNothing().returning();
    if (row) return toOrder(row);
    // Two retries raced: the other one's order is the order.
    const [raced] = await this.db
      .select()
      .from(productionOrders)
      .where(and(eq(productionOrders.kind, kind), eq(productionOrders.reference, reference)));
    if (!raced) throw new Error('production order not stored');
    return toOrder(raced);
  }
}
