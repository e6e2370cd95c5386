import { NextResponse } from 'next/server';
import { currentHealth } from '@/lib/ops/queries';
import { readiness } from '@/lib/ops/health-rules';

export const dynamic = 'force-dynamic';

/** Readiness: 503 while the database is down or migrations the code ships are not applied yet. */
export async function GET() {
  const checks = await currentHealth();
  const { ready, httpStatus } = readiness(checks);
  return NextResponse.json(
    { status: ready ? 'ready' : 'not_ready', checks },
    { status: httpStatus, headers: { 'cache-control': 'no-store' } },
  );
}
