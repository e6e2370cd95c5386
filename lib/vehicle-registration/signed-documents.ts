// What the dealer (step 9) and the buyer (step 18) sign: canonical JSON built from the application as stored,
// so the server can rebuild it exactly and verify the CMS over the same bytes (SPEC §2.3).
import type { ContractSnapshot, PersonName, VehicleSnapshot } from '@/db/schema/vehicle';

export type SellerDocumentInput = {
  number: string;
  vin: string;
  dealer: { bin: string; nameRu: string };
  vehicle: VehicleSnapshot;
  customsDeclaration: string | null;
  contract: ContractSnapshot;
  buyer: { iin: string; name: PersonName };
};

const fullName = (n: PersonName) => [n.surname, n.givenName, n.patronymic].filter(Boolean).join(' ');

/** Step 9: the seller's part: VIN, the e-passport data, the contract, the buyer's IIN and name. */
export function sellerDocument(i: SellerDocumentInput) {
  return {
    kind: 'qyzmet.vehicle-registration.seller',
    number: i.number,
    vin: i.vin,
    seller: { bin: i.dealer.bin, name: i.dealer.nameRu },
    vehicle: { ...i.vehicle, customsDeclaration: i.customsDeclaration },
    contract: i.contract,
    buyer: { iin: i.buyer.iin, name: fullName(i.buyer.name) },
  };
}

export type BuyerDocumentInput = {
  seller: ReturnType<typeof sellerDocument>;
  /** The SHA-256 of the seller's signed bytes: the buyer's signature binds the same document. */
  sellerDocumentSha256: string;
  pickup: { centreId: number; nameRu: string };
  plateType: string;
  phone: string;
  paymentId: string;
};

/** Step 18: the whole application as the buyer completed it, bound to the dealer's signature by its hash. */
export function buyerDocument(i: BuyerDocumentInput) {
  return {
    kind: 'qyzmet.vehicle-registration.buyer',
    number: i.seller.number,
    seller: i.seller,
    sellerDocumentSha256: i.sellerDocumentSha256,
    pickup: i.pickup,
    plateType: i.plateType,
    phone: i.phone,
    payment: i.paymentId,
  };
}
