// The supervisor's filters arrive as GET parameters (the page and each CSV link): validated here, defaults filled in.
import { z } from 'zod';
import { pilots } from '@/db/schema/reference';
import { addDays } from '@/lib/calendar/deadline';
import { isLocalDate, localDate } from '@/lib/calendar/local';

const day = z.string().refine(isLocalDate);
/** A year at most: the page loads one row per application of the period (bench/notes.md). */
const MAX_DAYS = 366;

export const monitoringFilterSchema = z
  .object({
    pilot: z.enum(pilots).default('vehicle'),
    region: z
      .string()
      .regex(/^\d{2}$/)
      .optional()
      .or(z.literal('').transform(() => undefined)),
    from: day.optional(),
    to: day.optional(),
  })
  .transform((f, ctx) => {
    const to = f.to ?? localDate();
    const from = f.from ?? addDays(to, -27);
    if (from > to || addDays(from, MAX_DAYS) < to) {
      ctx.addIssue({ code: 'custom', message: 'monitoring_period_invalid', path: ['from'] });
      return z.NEVER;
    }
    return { pilot: f.pilot, region: f.region, from, to };
  });

export type MonitoringFilter = z.output<typeof monitoringFilterSchema>;

/** First value of each parameter (Next's searchParams may repeat a key). */
export function parseFilter(params: Record<string, string | string[] | undefined>) {
  const first = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return monitoringFilterSchema.safeParse(first);
}

export function filterQuery(f: MonitoringFilter): string {
  const q = new URLSearchParams({ pilot: f.pilot, from: f.from, to: f.to });
  if (f.region) q.set('region', f.region);
  return q.toString();
}
