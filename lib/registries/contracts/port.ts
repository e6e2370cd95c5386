import { z } from 'zod';

export const saleContractQuerySchema = z.object({ sellerBin: z.string(), buyerIin: z.string(), vin: z.string() });
export type SaleContractQuery = z.infer<typeof saleContractQuerySchema>;

export const saleContractSchema = saleContractQuerySchema.extend({
  number: z.string(),
  signedOn: z.iso.date(),
  priceTiyn: z.number().int(),
});
export type SaleContract = z.infer<typeof saleContractSchema>;

/** Systems of electronic signing of contracts: the signed sale contract for a seller, buyer and VIN. */
export interface SaleContracts {
  findSaleContract(query: SaleContractQuery): Promise<SaleContract | null>;
}
