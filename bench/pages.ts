// Pages under load (issue 6, parts 3–4): the portal's pages, signed in where they need it, loaded by autocannon
// from this process while the servers run in their own; each run follows a run of the baseline page at the same
// concurrency, and its throughput is reported as a ratio to that one.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { encode } from 'next-auth/jwt';
import type postgres from 'postgres';
import { PERSONA, STAFF } from '../db/seed/personas-ids';
import { encodeCursor } from '../lib/applications/cursor';
import type { Server } from './servers';

export const SESSION_COOKIE = 'qyzmet.session';

export type PageCase = {
  name: string;
  path: string;
  iin: string | null;
  kind: 'landing' | 'start' | 'cabinet' | 'citizen' | 'dashboard' | 'staff' | 'public';
};
export type Load = { requests: number; rps: number; p50: number; p95: number; p99: number; errors: number };
export type PageLoad = Load & { page: string; concurrency: number; baselineRps: number; ratio: number };

/** A server-side session for this person and the cookie that names it, as a demo sign-in would leave them. */
export async function sessionCookie(sql: postgres.Sql, iin: string, secret: string) {
  const [user] = await sql<{ id: string; version: number; staff: boolean }[]>`
    select u.id, u.session_version as version, exists (select 1 from user_roles r where r.user_id = u.id and r.role not in ('citizen', 'dealer')) as staff
    from users u where u.iin = ${iin}`;
  if (!user) throw new Error('bench: a page persona is missing from the seed');
  const [session] = await sql<{ id: string }[]>`
    insert into auth_sessions (user_id, user_version, method, is_staff) values (${user.id}, ${user.version}, 'demo', ${user.staff}) returning id`;
  const token = await encode({
    token: { sub: user.id, sid: session!.id, jti: randomUUID() },
    secret,
    salt: SESSION_COOKIE,
    maxAge: 12 * 3600,
  });
  return `${SESSION_COOKIE}=${token}`;
}

/** The pages to load, with real ids from the bench database (a deep dashboard page, an issued application, a signature). */
export async function pageCases(sql: postgres.Sql): Promise<PageCase[]> {
  const [deep] = await sql<{ at: Date; id: string }[]>`
    select created_at as at, id from applications where pilot = 'id_card' and region_code = '10' and status = 'under_review'
    order by created_at, id offset 2000 limit 1`;
  const [issued] = await sql<{ id: string; iin: string }[]>`
    select a.id, a.applicant_iin as iin from applications a join users u on u.iin = a.applicant_iin
    where a.pilot = 'id_card' and a.status = 'issued' order by a.updated_at desc limit 1`;
  const [signature] = await sql<{ code: string }[]>`select verify_code as code from signatures order by signed_at desc limit 1`;
  const cases: (PageCase | null)[] = [
    { name: 'landing', path: '/kk', iin: null, kind: 'landing' },
    { name: 'service start (ID-card renewal)', path: '/kk/cabinet/id-card', iin: PERSONA.citizenAigerim, kind: 'start' },
    { name: 'citizen cabinet', path: '/kk/cabinet', iin: PERSONA.citizenAigerim, kind: 'cabinet' },
    issued ? { name: 'application page (citizen)', path: `/kk/cabinet/id-card/${issued.id}`, iin: issued.iin, kind: 'citizen' } : null,
    { name: 'UMS DP dashboard, first page', path: '/kk/ums', iin: STAFF.umsKostanay, kind: 'dashboard' },
    deep
      ? {
          name: 'UMS DP dashboard, deep page',
          path: `/kk/ums?after=${encodeCursor({ at: new Date(deep.at).toISOString(), id: deep.id })}`,
          iin: STAFF.umsKostanay,
          kind: 'dashboard',
        }
      : null,
    { name: 'supervisor monitoring (vehicle, 28 days)', path: '/kk/monitoring?pilot=vehicle', iin: STAFF.supervisor, kind: 'dashboard' },
    {
      name: 'supervisor monitoring (machinery, 28 days)',
      path: '/kk/monitoring?pilot=machinery',
      iin: STAFF.supervisor,
      kind: 'dashboard',
    },
    { name: 'CON issuance desk queue', path: '/kk/issuance', iin: STAFF.conIssuanceKostanay, kind: 'dashboard' },
    { name: 'dealer list', path: '/kk/dealer', iin: PERSONA.dealerAstanaMotors, kind: 'staff' },
    { name: 'public verification', path: signature ? `/kk/verify?code=${signature.code}` : '/kk/verify', iin: null, kind: 'public' },
  ];
  return cases.filter((c): c is PageCase => c !== null);
}

/** Checks the page answers 200 itself (no redirect to sign-in, no error page) before it is loaded. */
export async function checkPage(server: Server, path: string, cookie?: string) {
  const res = await fetch(server.url + path, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  if (res.status !== 200)
    throw new Error(`bench: ${path} answered ${res.status}${res.headers.get('location') ? ` → ${res.headers.get('location')}` : ''}`);
  return res.text();
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

/** One autocannon run; latencies are kept per response, so p95 is exact. */
export async function load(url: string, connections: number, seconds: number, cookie?: string, overallRate?: number): Promise<Load> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers: cookie ? { cookie } : {}, overallRate }, (error, r) =>
      error ? reject(error) : resolve(r),
    );
    instance.on('response', (_client, _status, _bytes, ms) => {
      latencies.push(ms);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    rps: result.requests.total / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

export async function loadPages(
  portal: Server,
  baseline: Server,
  cases: PageCase[],
  cookies: Map<string, string>,
  opts: { concurrency: number[]; seconds: number },
) {
  const out: PageLoad[] = [];
  for (const c of cases) for (let i = 0; i < 20; i++) await checkPage(portal, c.path, c.iin ? cookies.get(c.iin) : undefined);
  await load(baseline.url, 4, 1);
  for (const connections of opts.concurrency) {
    for (const c of cases) {
      const base = await load(baseline.url, connections, opts.seconds);
      const page = await load(portal.url + c.path, connections, opts.seconds, c.iin ? cookies.get(c.iin) : undefined);
      out.push({ page: c.name, concurrency: connections, ...page, baselineRps: base.rps, ratio: base.rps ? page.rps / base.rps : 0 });
      console.log(
        `bench: ${c.name} @${connections}: ${page.rps.toFixed(0)} req/s (baseline ${base.rps.toFixed(0)}, ratio ${(page.rps / base.rps).toFixed(2)}), p95 ${page.p95.toFixed(0)} ms, errors ${page.errors}`,
      );
    }
  }
  return out;
}
