import { NextResponse } from 'next/server';
import { currentHealth } from '@/lib/ops/queries';
import { liveness } from '@/lib/ops/health-rules';

export const dynamic = 'force-dynamic';

/**
 * Liveness for a load balancer: no sign-in (it says nothing personal: states, system names and ages), 200 while the
 * database answers and the job workers run, 503 otherwise (docs/decisions.md, "Operations").
 */
export async function GET() {
  const checks = await currentHealth();
  const { status, httpStatus } = liveness(checks);
  return NextResponse.json({ status, checks }, { status: httpStatus, headers: { 'cache-control': 'no-store' } });
}
