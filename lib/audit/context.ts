import { AsyncLocalStorage } from 'node:async_hooks';
import { config } from '@/lib/config';
import { clientIpFrom } from '@/lib/http/client-ip';

/**
 * Where an audit row comes from (issue 14): inside a request, the proxy's X-Request-Id and the client's IP by the
 * trusted-proxy setting; inside a background job, `job:<id>` and no IP; elsewhere (scripts, tests) nothing.
 */
export type AuditOrigin = { inRequest: boolean; requestId: string | null; ip: string | null };

const jobs = new AsyncLocalStorage<{ requestId: string }>();

/** Runs a job's handler so that the audit rows it writes carry the job's id. */
export function withJobOrigin<T>(jobId: string, run: () => Promise<T>): Promise<T> {
  return jobs.run({ requestId: `job:${jobId}` }, run);
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

export async function auditOrigin(): Promise<AuditOrigin> {
  const job = jobs.getStore();
  if (job) return { inRequest: false, requestId: job.requestId, ip: null };
  let h: Headers;
  try {
    const { headers } = await import('next/headers');
    h = await headers();
  } catch (e) {
    // Next's own signals (a prerender bailing out on dynamic data) carry a digest and must reach Next.
    if (e && typeof e === 'object' && 'digest' in e) throw e;
    return { inRequest: false, requestId: null, ip: null }; // not in a request
  }
  const id = h.get('x-request-id');
  return {
    inRequest: true,
    requestId: id && REQUEST_ID.test(id) ? id : null,
    ip: clientIpFrom(h.get('x-forwarded-for'), config().QYZMET_TRUSTED_PROXY_HOPS),
  };
}
