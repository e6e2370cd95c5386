import { z } from 'zod';
import { documentSources, normalizeDocumentNumber } from './presented-document';

/** The document presented at a desk: its number as typed or scanned (ID card, passport), and how it was shown. */
export const presentedDocumentFields = {
  documentNumber: z
    .string()
    .trim()
    .min(1, 'required')
    .transform(normalizeDocumentNumber)
    .pipe(z.string().regex(/^[A-Z0-9]{6,12}$/, 'document_number_invalid')),
  source: z.enum(documentSources, { message: 'required' }),
};
export const presentedDocumentSchema = z.object(presentedDocumentFields);
