// The CON desk's forms (order 003, p.3–8): field errors are message codes (Errors.<code>: the shared required,
// iin_invalid…, and the slice's own, prefixed `residence_con_`).
import { z } from 'zod';
import { localDate } from '@/lib/calendar/local';
import { iinField } from '@/lib/kz/fields';
import { arrivalFormSchema } from './arrival-form';
import { astanaRelations } from './astana-step-rules';
import { stayPeriodProblem } from './con-rules';
import { deskRefusalCodes } from './con-types';

const locale = z.enum(['kk', 'ru']);
const id = z.uuid('invalid_value');
const version = z.coerce.number().int().positive();
const documentNumber = z
  .string()
  .trim()
  .min(1, 'required')
  .max(20, 'invalid_value')
  .regex(/^[0-9A-Za-z\s]+$/, 'residence_con_document_number_invalid');

/** A cadastral number as the cadastre prints it: 21-311-008-021:5. */
export const cadastralNumberField = z
  .string()
  .trim()
  .min(1, 'required')
  .max(40, 'invalid_value')
  .regex(/^\d{2}-[0-9:-]+$/, 'residence_con_cadastral_invalid');

export const localeSchema = z.object({ locale });
export const receptionTicketSchema = z.object({ locale, cadastralNumber: cadastralNumberField });
export const ownerCheckSchema = z.object({ locale, ticketId: id, ownerIin: iinField });

export const formSchema = z
  .object({
    locale,
    ticketId: id,
    ownerIin: iinField,
    cadastralNumber: cadastralNumberField,
    representativeDocument: documentNumber,
    applicantMode: z.enum(['representative', 'other'], { message: 'residence_con_applicant_mode_required' }),
    applicantDocument: z.string().trim().optional(),
    kind: z.enum(['permanent', 'temporary'], { message: 'residence_con_kind_required' }),
    stayFrom: z.string().trim().optional(),
    stayUntil: z.string().trim().optional(),
    applicantLocale: locale.default('kk'),
  })
  .superRefine((v, ctx) => {
    if (v.applicantMode === 'other') {
      const r = documentNumber.safeParse(v.applicantDocument ?? '');
      if (!r.success) ctx.addIssue({ code: 'custom', path: ['applicantDocument'], message: r.error.issues[0]!.message });
    }
    if (v.kind === 'temporary') {
      const date = z.iso.date('invalid_value');
      const from = date.safeParse(v.stayFrom ?? '');
      const until = date.safeParse(v.stayUntil ?? '');
      if (!v.stayFrom) ctx.addIssue({ code: 'custom', path: ['stayFrom'], message: 'required' });
      else if (!from.success) ctx.addIssue({ code: 'custom', path: ['stayFrom'], message: 'invalid_value' });
      if (!v.stayUntil) ctx.addIssue({ code: 'custom', path: ['stayUntil'], message: 'required' });
      else if (!until.success) ctx.addIssue({ code: 'custom', path: ['stayUntil'], message: 'invalid_value' });
      if (from.success && until.success) {
        const problem = stayPeriodProblem(from.data, until.data, localDate());
        if (problem)
          ctx.addIssue({ code: 'custom', path: [problem === 'residence_con_stay_in_past' ? 'stayFrom' : 'stayUntil'], message: problem });
      }
    }
  });
export type FormInput = z.infer<typeof formSchema>;

/** p.8: the worker refuses on a warning of the checks; the code is one of the warnings. */
export const refuseSchema = z.object({
  locale,
  ticketId: id,
  code: z.enum(deskRefusalCodes),
  /** The owner the warning was about, when the worker had entered one: the audit row's subject. */
  ownerIin: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(iinField.optional()),
});

export const claimSchema = z
  .object({
    id,
    version,
    locale,
    relation: z.enum(astanaRelations, { message: 'residence_con_relation_required' }),
    sharedParent: z
      .enum(['mother', 'father'])
      .optional()
      .or(z.literal('').transform(() => undefined)),
    side: z
      .enum(['father', 'mother'])
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.relation === 'half_sibling' && !v.sharedParent) ctx.addIssue({ code: 'custom', path: ['sharedParent'], message: 'required' });
    if ((v.relation === 'grandparent' || v.relation === 'grandchild') && !v.side)
      ctx.addIssue({ code: 'custom', path: ['side'], message: 'required' });
  });

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
/** The statistical arrival form as the desk types it: the shared schema, with empty optional fields as null. */
export const arrivalSchema = arrivalFormSchema.extend({
  id,
  version,
  locale,
  previousRegionCode: z.preprocess(blankToNull, arrivalFormSchema.shape.previousRegionCode),
  nationality: z.preprocess(blankToNull, arrivalFormSchema.shape.nationality),
});

export const signSchema = z.object({
  id,
  version,
  locale,
  cms: z.string().min(16, 'signature_malformed').max(200_000, 'signature_malformed'),
});
