import { z } from 'zod';
import { presentedDocumentFields } from '@/lib/identity/schemas';
import { iinField, mobileField } from '@/lib/kz/fields';
import { isValidVin, normalizeVin } from '@/lib/kz/vin';

const locale = z.enum(['kk', 'ru']);
const id = z.uuid('invalid_value');
const version = z.coerce.number().int().positive();

/** Step 2: 17 characters without I, O, Q; caught here, before any registry is asked. */
export const vinField = z.string().trim().min(1, 'required').transform(normalizeVin).refine(isValidVin, 'vin_invalid');

export const startSchema = z.object({ vin: vinField, locale });
export const buyerSchema = z.object({ id, version, buyerIin: iinField, locale });
export const versionedSchema = z.object({ id, version, locale });
export const signSchema = z.object({
  id,
  version,
  locale,
  cms: z.string().min(16, 'signature_malformed').max(200_000, 'signature_malformed'),
});

export const declineSchema = z.object({
  id,
  version,
  locale,
  reason: z.string().trim().min(3, 'vehicle_decline_reason_required').max(500, 'invalid_value'),
});
export const detailsSchema = z
  .object({
    id,
    version,
    locale,
    // A CON of the home region (radio), or "other" and one picked from the list of all the others.
    centre: z.string().min(1, 'vehicle_centre_required'),
    otherCentreId: z.string().optional(),
    plateType: z.string().min(1, 'vehicle_plate_type_required').max(40),
    // Only when BMG has no number (step 16); the service decides, so an empty value is fine here.
    phone: z
      .string()
      .trim()
      .max(20)
      .optional()
      .transform((v) => v || undefined)
      .pipe(mobileField.optional()),
  })
  .superRefine((input, ctx) => {
    // "Other" without a CON from the list: the list's own message at the list (issue 15), not a form-level failure.
    if (input.centre === 'other' && !/^\d+$/.test(input.otherCentreId ?? ''))
      ctx.addIssue({ code: 'custom', path: ['otherCentreId'], message: 'vehicle_other_centre_required' });
  });
/** The chosen CON's id from the two inputs of step 15. */
export function chosenCentre(input: { centre: string; otherCentreId?: string }): number | null {
  const raw = input.centre === 'other' ? input.otherCentreId : input.centre;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export const payFeesSchema = z.object({ id, locale });

export const ticketSchema = z.object({ applicationId: id, locale });
export const callNextSchema = z.object({ locale });
export const issueSchema = z.object({
  id,
  version,
  locale,
  ...presentedDocumentFields,
  srtsBlankSerial: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}\d{6,8}$/, 'vehicle_srts_serial_invalid'),
  platesHandedOver: z.literal('on', { message: 'vehicle_plates_not_confirmed' }),
});

/** p.9 at the desk: the presented document, checked before the desk sees who the buyer is. */
export const deskCheckSchema = z.object({ id, locale, ...presentedDocumentFields });
