// The front office's forms (orders 001/004, p.6): field errors are message codes — the shared ones (Errors.<code>:
// required, iin_invalid…) and the intake's own (MachineryIntake.errors.<code>, prefixed `machinery_`).
import { z } from 'zod';
import { localDate } from '@/lib/calendar/local';
import { binField, iinField, mobileField } from '@/lib/kz/fields';
import { machineryActions, machineryKinds } from './rules';
import { powerOfAttorneyValid } from './intake-steps';

const locale = z.enum(['kk', 'ru']);
const id = z.uuid('invalid_value');
const version = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'invalid_value');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'invalid_value')
    .optional()
    .transform((v) => v || null);

export const localeSchema = z.object({ locale });
export const actionSchema = z.object({ id, version, locale, action: z.enum(machineryActions, { message: 'machinery_action_required' }) });
export const identifySchema = z.object({
  id,
  version,
  locale,
  documentNumber: z
    .string()
    .trim()
    .min(1, 'required')
    .max(20, 'invalid_value')
    .regex(/^[0-9A-Za-z\s]+$/, 'machinery_document_number_invalid'),
  applicantLocale: locale.default('kk'),
  /** A capture from the desk camera, base64; absent → the service simulates one. */
  sample: z.string().max(2_000_000, 'invalid_value').optional(),
});

const poaValidUntil = z.iso.date('invalid_value').refine((d) => powerOfAttorneyValid(d, localDate()), 'machinery_poa_expired');

export const ownerSchema = z
  .object({
    id,
    version,
    locale,
    mode: z.enum(['self', 'organisation_head', 'representative'], { message: 'machinery_owner_mode_required' }),
    ownerKind: z.enum(['person', 'organisation']).optional(),
    ownerIin: z.string().trim().optional(),
    ownerBin: z.string().trim().optional(),
    powerOfAttorneyNumber: z.string().trim().optional(),
    powerOfAttorneyValidUntil: z.string().trim().optional(),
    phone: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(mobileField.optional()),
  })
  .superRefine((v, ctx) => {
    const check = (path: string, schema: z.ZodType, value: unknown) => {
      const r = schema.safeParse(value ?? '');
      if (!r.success) ctx.addIssue({ code: 'custom', path: [path], message: r.error.issues[0]!.message });
    };
    if (v.mode === 'organisation_head') check('ownerBin', binField, v.ownerBin);
    if (v.mode === 'representative') {
      if (!v.ownerKind) ctx.addIssue({ code: 'custom', path: ['ownerKind'], message: 'machinery_owner_kind_required' });
      if (v.ownerKind === 'person') check('ownerIin', iinField, v.ownerIin);
      if (v.ownerKind === 'organisation') check('ownerBin', binField, v.ownerBin);
      check('powerOfAttorneyNumber', text(40), v.powerOfAttorneyNumber);
      check('powerOfAttorneyValidUntil', poaValidUntil, v.powerOfAttorneyValidUntil);
    }
  });

export const machineSchema = z.object({
  id,
  version,
  locale,
  lookup: z.string().trim().max(40, 'invalid_value').optional(),
  kind: z.enum(machineryKinds, { message: 'machinery_kind_required' }).optional(),
  make: z.string().trim().max(60, 'invalid_value').optional(),
  model: z.string().trim().max(60, 'invalid_value').optional(),
  year: z.string().trim().optional(),
  serialNumber: z.string().trim().max(40, 'invalid_value').optional(),
  engineNumber: optionalText(40),
  bodyNumber: optionalText(40),
});

/** A registration's machine as typed: every field the register needs, the year not in the future. */
export const typedMachineSchema = z.object({
  kind: z.enum(machineryKinds, { message: 'machinery_kind_required' }),
  make: text(60),
  model: text(60),
  year: z.coerce
    .number({ message: 'machinery_year_invalid' })
    .int('machinery_year_invalid')
    .min(1950, 'machinery_year_invalid')
    .refine((y) => y <= Number(localDate().slice(0, 4)), 'machinery_year_invalid'),
  serialNumber: z
    .string()
    .trim()
    .min(1, 'required')
    .max(40, 'invalid_value')
    .regex(/^[0-9A-Za-z./-]+$/, 'machinery_serial_invalid'),
  engineNumber: z.string().nullable().optional(),
  bodyNumber: z.string().nullable().optional(),
});

/** Ticks arrive as `tick_<item code>` = on (one field per item, so no value is lost in the form's parse). */
export const checklistSchema = z.looseObject({ id, version, locale });
export const tickedOf = (input: Record<string, unknown>) =>
  Object.keys(input)
    .filter((k) => k.startsWith('tick_') && input[k] === 'on')
    .map((k) => k.slice(5));

export const versionedSchema = z.object({ id, version, locale });
export const scanSchema = z.object({
  id,
  version,
  locale,
  itemCode: z.string().trim().min(1, 'required').max(60, 'invalid_value'),
  file: z.instanceof(File, { message: 'file_empty' }).refine((f) => f.size > 0, 'file_empty'),
});
export const removeScanSchema = z.object({ id, version, locale, scanId: z.uuid('invalid_value') });
export const signSchema = z.object({
  id,
  version,
  locale,
  cms: z.string().min(16, 'signature_malformed').max(200_000, 'signature_malformed'),
});
