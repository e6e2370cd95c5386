import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { saleContracts } from '@/db/schema/registry';
import type { SaleContract, SaleContractQuery, SaleContracts } from './port';

export class ContractsSimulator implements SaleContracts {
  constructor(private readonly db: DbOrTx) {}

  async findSaleContract({ sellerBin, buyerIin, vin }: SaleContractQuery): Promise<SaleContract | null> {
    // A re-signed contract supersedes the earlier one: the latest wins.
    const [row] = await this.db
      .select({
        sellerBin: saleContracts.sellerBin,
        buyerIin: saleContracts.buyerIin,
        vin: saleContracts.vin,
        number: saleContracts.number,
        signedOn: saleContracts.signedOn,
        priceTiyn: saleContracts.priceTiyn,
      })
      .from(saleContracts)
      .where(and(eq(saleContracts.sellerBin, sellerBin), eq(saleContracts.buyerIin, buyerIin), eq(saleContracts.vin, vin)))
      .orderBy(desc(saleContracts.signedOn), desc(saleContracts.id))
      .limit(1);
    return row ?? null;
  }
}
