import { z } from 'zod';
import { isValidBin, isValidIin } from './iin';
import { normalizeKzMobile } from './phone';

/** Form fields with the SPEC §7.1 checks; the messages are Errors.<code> in both languages. */
export const iinField = z.string().trim().min(1, 'required').refine(isValidIin, 'iin_invalid');
export const binField = z.string().trim().min(1, 'required').refine(isValidBin, 'bin_invalid');
export const mobileField = z
  .string()
  .trim()
  .min(1, 'required')
  .transform((v, ctx) => normalizeKzMobile(v) ?? (ctx.addIssue({ code: 'custom', message: 'phone_invalid' }), z.NEVER));
