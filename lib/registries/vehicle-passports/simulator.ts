import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { vehiclePassports } from '@/db/schema/registry';
import type { VehiclePassport, VehiclePassports } from './port';

export class VehiclePassportsSimulator implements VehiclePassports {
  constructor(private readonly db: DbOrTx) {}

  async findByVin(vin: string): Promise<VehiclePassport | null> {
    const [row] = await this.db.select().from(vehiclePassports).where(eq(vehiclePassports.vin, vin));
    return row ?? null;
  }
}
