import { z } from 'zod';
import { iinField } from '@/lib/kz/fields';
import { isValidVin, normalizeVin } from '@/lib/kz/vin';

const locale = z.enum(['kk', 'ru']);
const id = z.uuid('invalid_value');
const version = z.coerce.number().int().positive();

/** Step 2: 17 characters without I, O, Q; caught here, before any registry is asked. */
export const vinField = z.string().trim().min(1, 'required').transform(normalizeVin).refine(isValidVin, 'vin_invalid');

export const startSchema = z.object({ vin: vinField, locale });
export const buyerSchema = z.object({ id, version, buyerIin: iinField, locale });
export const versionedSchema = z.object({ id, version, locale });
export const signSchema = z.object({ id, version, locale, cms: z.string().min(16, 'signature_malformed').max(200_000, 'signature_malformed') });
