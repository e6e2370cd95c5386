import { z } from 'zod';
import { routing } from '@/i18n/routing';

/**
 * Where sign-in returns to (issue 15): a path on this site, without its locale — `/cabinet/id-card`. Only letters,
 * digits, `-` and `_` in non-empty segments: no scheme, no host (`//evil.com`), no backslash, no dot segments, no
 * percent-escapes that could decode into any of these, no query. A leading locale (`/kk/…`) is dropped so the
 * person's current language wins. Sign-in itself and the API are never a destination.
 */
const SEGMENTS = /^(\/[A-Za-z0-9_-]+)+$/;
const NEVER = ['/sign-in', '/api', '/start'];

export const nextPathSchema = z
  .string()
  .max(200)
  .regex(SEGMENTS)
  .transform((path) => {
    const [, first, ...rest] = path.split('/');
    return (routing.locales as readonly string[]).includes(first!) ? `/${rest.join('/')}` : path;
  })
  .pipe(
    z
      .string()
      .regex(SEGMENTS)
      .refine((path) => !NEVER.some((p) => path === p || path.startsWith(`${p}/`))),
  );

/** The safe destination, or null for anything else (an external, malformed or missing `next` is ignored). */
export function safeNextPath(raw: unknown): string | null {
  const parsed = nextPathSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The sign-in page's address that returns to `next` afterwards (locale-less, for the i18n router). */
export function signInHref(next: string): string {
  const safe = safeNextPath(next);
  return safe ? `/sign-in?next=${encodeURIComponent(safe)}` : '/sign-in';
}
