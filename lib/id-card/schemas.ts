import { z } from 'zod';
import { presentedDocumentFields } from '@/lib/identity/schemas';
import { mobileField } from '@/lib/kz/fields';
import { annulReasons } from './annulment';

const locale = z.enum(['kk', 'ru']);
const id = z.uuid('invalid_value');
const version = z.coerce.number().int().positive();
const file = z
  .instanceof(File, { message: 'file_empty' })
  .refine((f) => f.size > 0, 'file_empty')
  .refine((f) => f.size <= 5 * 1024 * 1024, 'file_too_large');

/** A browser without a camera sends an empty file field: then there is no capture. */
const capture = z
  .instanceof(File)
  .optional()
  .transform((f) => (f && f.size > 0 ? f : undefined))
  .refine((f) => !f || f.size <= 5 * 1024 * 1024, 'file_too_large');
/** Step 1: the portal asks the consent service; the citizen then answers the request it made. */
export const askConsentSchema = z.object({ locale });
const consentId = z.string().regex(/^[1-9][0-9]{0,9}$/, 'invalid_value');
export const refuseConsentSchema = z.object({ locale, consentId });
/** The citizen confirms the request and gives the phone BMG is asked about (step 2). */
export const startSchema = z.object({
  locale,
  consentId,
  consent: z.literal('on', { message: 'id_card_consent_required' }),
  phone: mobileField,
  liveness: capture,
});
export const withdrawSchema = z.object({ id, version, locale });
export const formSchema = z.object({
  id,
  version,
  locale,
  registrationPointId: z.coerce.number({ message: 'id_card_point_required' }).int().positive('id_card_point_required'),
  phone: mobileField,
  email: z
    .string()
    .trim()
    .max(120)
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.email('invalid_value').optional()),
});
export const uploadSchema = z.object({ id, version, locale, file });
export const signSchema = z.object({
  id,
  version,
  locale,
  cms: z.string().min(16, 'signature_malformed').max(200_000, 'signature_malformed'),
});
export const payDutySchema = z.object({ id, locale });
export const annulSchema = z.object({
  id,
  version,
  locale,
  reason: z.enum(annulReasons, { message: 'id_card_annul_reason_required' }),
  comment: z.string().trim().min(3, 'id_card_annul_comment_required').max(1000, 'invalid_value'),
});
export const issueCardSchema = z.object({
  id,
  version,
  locale,
  ...presentedDocumentFields,
  newCardNumber: z
    .string()
    .trim()
    .regex(/^\d{9}$/, 'id_card_number_invalid'),
});

/** Step 19 at the desk: the presented document, checked before the officer sees who the applicant is. */
export const pointCheckSchema = z.object({ id, locale, ...presentedDocumentFields });
