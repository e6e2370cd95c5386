import { z } from 'zod';
import { isLocalDate } from '@/lib/calendar/local';
import type { ColumnSpec } from './reference-tables';

/** Pure: the zod schema of an edit form for these columns; field error messages are Errors.<code>. */
export function rowSchema(columns: readonly ColumnSpec[], isNew: boolean) {
  const shape: Record<string, z.ZodType> = {};
  for (const c of columns) {
    if (c.generated) continue;
    if (c.key && !isNew) continue;
    shape[c.name] = fieldSchema(c);
  }
  return z.object(shape);
}

function fieldSchema(c: ColumnSpec): z.ZodType {
  const text = z.string().trim();
  const emptyToNull = (s: z.ZodType) => (c.optional ? z.preprocess((v) => (v === '' ? null : v), s.nullable()) : s);
  switch (c.kind) {
    case 'text':
      return emptyToNull(text.min(1, 'required').max(500));
    case 'int':
      return emptyToNull(z.coerce.number({ message: 'number_invalid' }).int('number_invalid'));
    case 'bool':
      return z.preprocess((v) => v === 'on' || v === 'true', z.boolean());
    case 'date':
      return emptyToNull(text.refine(isLocalDate, 'date_invalid'));
    case 'enum':
      return z.enum(c.options as [string, ...string[]], { message: 'invalid_value' });
    case 'list':
      return z.string().transform((s) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      );
    case 'json':
      return z.string().transform((s, ctx) => {
        try {
          const v: unknown = JSON.parse(s || '{}');
          if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
        } catch {
          /* reported below */
        }
        ctx.addIssue({ code: 'custom', message: 'json_invalid' });
        return z.NEVER;
      });
  }
}

/** How a stored value is shown in a form field. */
export function toFormValue(c: ColumnSpec, v: unknown): string {
  if (v == null) return '';
  if (c.kind === 'list' && Array.isArray(v)) return v.join(', ');
  if (c.kind === 'json') return JSON.stringify(v);
  return String(v);
}
