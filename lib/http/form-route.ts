import 'server-only';
import type { ActionResult } from '@/lib/action-result';
import { BodyTooLargeError, readBytesCapped } from './body';

type Action = (prev: ActionResult, form: FormData) => Promise<ActionResult>;

/** Room for the multipart boundaries and the small fields (id, version, locale) next to the file. */
const FORM_OVERHEAD = 16 * 1024;

const json = (result: ActionResult, status: number) => Response.json(result, { status, headers: { 'cache-control': 'no-store' } });

/**
 * Same-origin only, as Next checks for server actions: the browser's Origin must name this host. A cross-site page
 * cannot post a file with the person's cookies.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * A multipart form posted with fetch to a route (uploads, issue 14): the body is capped before it is read (the
 * server-action limit stays small), then the form goes through the same `formAction` as any other form —
 * authentication, role, zod, the service's scope check, transaction and audit — and its ActionResult is the JSON
 * answer. A body over the cap is the file field's `file_too_large`, never the framework's error page.
 */
export function formRoute(action: Action, maxFileBytes: number) {
  return async function POST(request: Request): Promise<Response> {
    if (!sameOrigin(request)) return json({ ok: false, code: 'forbidden' }, 403);
    let form: FormData;
    try {
      const body = await readBytesCapped(request, maxFileBytes + FORM_OVERHEAD);
      form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
    } catch (e) {
      if (e instanceof BodyTooLargeError) return json({ ok: false, code: 'invalid', fieldErrors: { file: ['file_too_large'] } }, 413);
      return json({ ok: false, code: 'invalid', fieldErrors: { file: ['file_empty'] } }, 400);
    }
    const result = await action({ ok: true }, form);
    return json(result, 200);
  };
}
