// The citizen's forms (lib/residence/citizen-actions.ts): field errors are message codes (Errors.<code>).
import { z } from 'zod';
import { toLocalDate } from '@/lib/calendar/deadline';
import { isLocalDate } from '@/lib/calendar/local';
import { educationLevels, maritalStatuses, movingReasons, occupations } from './arrival-form';
import { stayProblem } from './citizen-service-rules';

const locale = z.enum(['kk', 'ru']);
const id = z.uuid('invalid_value');
const version = z.coerce.number().int().positive();
const date = (code: string) =>
  z
    .string()
    .trim()
    .min(1, code)
    .refine((v) => isLocalDate(v), 'residence_date_invalid');
const optional = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A temporary registration's period, checked against today (citizen-service-rules.ts). */
function checkPeriod(v: { kind?: string; stayFrom?: string; stayUntil?: string }, ctx: z.RefinementCtx) {
  if (v.kind === 'permanent') return;
  if (!v.stayFrom) ctx.addIssue({ code: 'custom', path: ['stayFrom'], message: 'residence_stay_from_required' });
  if (!v.stayUntil) ctx.addIssue({ code: 'custom', path: ['stayUntil'], message: 'residence_stay_until_required' });
  if (!v.stayFrom || !v.stayUntil) return;
  const problem = stayProblem(v.stayFrom, v.stayUntil, toLocalDate(new Date()));
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.code });
}

export const startSchema = z
  .object({
    locale,
    kind: z.enum(['permanent', 'temporary'], { message: 'residence_kind_required' }),
    stayFrom: z.preprocess(optional, date('residence_stay_from_required').optional()),
    stayUntil: z.preprocess(optional, date('residence_stay_until_required').optional()),
  })
  .superRefine(checkPeriod);

export const dwellingSchema = z.object({
  id,
  version,
  locale,
  cadastralNumber: z.string().trim().min(3, 'residence_cadastral_required').max(40, 'invalid_value'),
});

export const arrivalFormInputSchema = z
  .object({
    id,
    version,
    locale,
    kind: z.enum(['permanent', 'temporary']),
    previousAddress: z.string().trim().min(3, 'residence_previous_address_required').max(300, 'invalid_value'),
    previousRegionCode: z.preprocess(
      optional,
      z
        .string()
        .regex(/^\d{2}$/, 'invalid_value')
        .optional(),
    ),
    movingReason: z.enum(movingReasons, { message: 'residence_reason_required' }),
    education: z.enum(educationLevels, { message: 'residence_education_required' }),
    occupation: z.enum(occupations, { message: 'residence_occupation_required' }),
    maritalStatus: z.enum(maritalStatuses, { message: 'residence_marital_required' }),
    nationality: z.preprocess(optional, z.string().trim().max(60, 'invalid_value').optional()),
    stayFrom: z.preprocess(optional, date('residence_stay_from_required').optional()),
    stayUntil: z.preprocess(optional, date('residence_stay_until_required').optional()),
  })
  .superRefine(checkPeriod);

export const stepSchema = z.object({ id, version, locale });

export const signSchema = z.object({
  id,
  version,
  locale,
  cms: z.string().min(16, 'signature_malformed').max(200_000, 'signature_malformed'),
});
