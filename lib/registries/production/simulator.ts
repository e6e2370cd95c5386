import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { productionOrders } from '@/db/schema/registry';
import type { DocumentProduction, ProductionOrder } from './port';

type Kind = ProductionOrder['kind'];
type Row = typeof productionOrders.$inferSelect;

const PREFIX: Record<Kind, string> = { id_card: 'RPD', srts: 'SRTS' };
const toOrder = ({ id, ...rest }: Row): ProductionOrder => ({ orderId: id, ...rest });

export class ProductionSimulator implements DocumentProduction {
  constructor(private readonly db: DbOrTx) {}

  orderIdCard(reference: string): Promise<ProductionOrder> {
    return this.order('id_card', reference);
  }

  orderSrts(reference: string): Promise<ProductionOrder> {
    return this.order('srts', reference);
  }

  async status(orderId: string): Promise<ProductionOrder | null> {
    const [row] = await this.db.select().from(productionOrders).where(eq(productionOrders.id, orderId));
    return row ? toOrder(row) : null;
  }

  /** Simulator control, not part of the port: the demo moves an order along as the factory would. */
  async setStatus(orderId: string, status: ProductionOrder['status']): Promise<ProductionOrder | null> {
    const [row] = await this.db.update(productionOrders).set({ status }).where(eq(productionOrders.id, orderId)).returning();
    return row ? toOrder(row) : null;
  }

  private async order(kind: Kind, reference: string): Promise<ProductionOrder> {
    const [existing] = await this.db
      .select()
      .from(productionOrders)
      .where(and(eq(productionOrders.kind, kind), eq(productionOrders.reference, reference)));
    if (existing) return toOrder(existing);
    // A readable number the citizen can quote: RPD-2026-004815162.
    const id = `${PREFIX[kind]}-${new Date().getUTCFullYear()}-${String(randomInt(1_000_000_000)).padStart(9, '0')}`;
    const [row] = await this.db.insert(productionOrders).values({ id, kind, reference }).returning();
    if (!row) throw new Error('production order not stored');
    return toOrder(row);
  }
}
