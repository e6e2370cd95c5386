import { z } from 'zod';

const nameSchema = z.object({ surname: z.string(), givenName: z.string(), patronymic: z.string().nullable() });

export const permanentAddressSchema = z.object({
  regionCode: z.string(),
  addressKk: z.string(),
  addressRu: z.string(),
  /** Null for an old registration never linked to the cadastre. */
  cadastralNumber: z.string().nullable(),
});
export type PermanentAddress = z.infer<typeof permanentAddressSchema>;

export const personSchema = z.object({
  iin: z.string(),
  names: z.object({
    kk: nameSchema,
    ru: nameSchema,
    lat: z.object({ surname: z.string(), givenName: z.string() }),
  }),
  birthDate: z.iso.date(),
  sex: z.enum(['male', 'female']),
  citizenship: z.string(),
  /** ISO 3166-1 alpha-2. Order 002 p.5 (4): an ID card prints only the country of birth. */
  birthCountry: z.string().length(2),
  capable: z.boolean(),
  deceased: z.boolean(),
  /** Null when the person has no permanent registration (SPEC §5 step 6 sends them to a CON). */
  permanentAddress: permanentAddressSchema.nullable(),
  document: z.object({
    type: z.enum(['id_card', 'passport']),
    number: z.string(),
    issuedOn: z.iso.date(),
    expiresOn: z.iso.date(),
  }),
  /** The simulator's stand-in for the GBD FL photo: demo images are drawn from this seed. */
  photoSeed: z.number().int(),
});
export type Person = z.infer<typeof personSchema>;

/** What the residence pilot writes once registration is decided (SPEC §6: "GBD FL records the new address"). */
export const addressRegistrationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('permanent'),
    iin: z.string(),
    address: permanentAddressSchema.extend({ cadastralNumber: z.string() }),
  }),
  z
    .object({
      kind: z.literal('temporary'),
      iin: z.string(),
      cadastralNumber: z.string(),
      fromDate: z.iso.date(),
      toDate: z.iso.date(),
    })
    .refine((r) => r.fromDate <= r.toDate, { message: 'fromDate after toDate', path: ['toDate'] }),
]);
export type AddressRegistration = z.infer<typeof addressRegistrationSchema>;
export type RegistrationReceipt = { kind: AddressRegistration['kind']; cadastralNumber: string };

/** GBD FL, the state population database. */
export interface PopulationRegistry {
  findPerson(iin: string): Promise<Person | null>;
  /** The person holding this ID document (number as printed), e.g. when a CON finds someone by the card shown. */
  findPersonByDocument(documentNumber: string): Promise<Person | null>;
  /** People registered at a dwelling on a date (default today, Asia/Almaty): permanent + active temporary. */
  countRegisteredAt(cadastralNumber: string, onDate?: string): Promise<number>;
  /** null when GBD FL has no such person. Repeating the same registration changes nothing. */
  registerAddress(registration: AddressRegistration): Promise<RegistrationReceipt | null>;
}
