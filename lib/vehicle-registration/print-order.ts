// Order 000 p.6 and step 19: the IPC prints the SRTS. Pure: what the print order carries, and what the portal does
// with the printing house's answer. lib/vehicle-registration/processing.ts places and follows the order.
import type { PersonName, VehicleSnapshot } from '@/db/schema/vehicle';
import type { ProductionOrder, SrtsPrintOrder } from '@/lib/registries/production/port';

export type PrintableApplication = {
  vin: string;
  vehicle: VehicleSnapshot | null;
  buyerIin: string | null;
  buyerNameKk: PersonName | null;
  buyerNameRu: PersonName | null;
  plateNumber: string | null;
  srtsNumber: string | null;
};

/** The SRTS as it is to be printed: the vehicle, the owner, the plate and the SRTS number; null while one is missing. */
export function srtsPrintOrder(app: PrintableApplication): SrtsPrintOrder | null {
  const name = app.buyerNameRu ?? app.buyerNameKk;
  if (!app.vehicle || !app.buyerIin || !name || !app.plateNumber || !app.srtsNumber) return null;
  return {
    srtsNumber: app.srtsNumber,
    plate: app.plateNumber,
    vehicle: { vin: app.vin, ...app.vehicle },
    owner: { iin: app.buyerIin, nameKk: app.buyerNameKk ?? name, nameRu: name },
  };
}

/**
 * The application is ready for pickup only once the SRTS is printed (`ready`), not when the order was accepted;
 * a refused print is a motivated refusal; anything else is still at the printing house.
 */
export function printOutcome(status: ProductionOrder['status']): 'printed' | 'refused' | 'printing' {
  if (status === 'ready') return 'printed';
  if (status === 'refused') return 'refused';
  return 'printing';
}
