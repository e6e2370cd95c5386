import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { machineryRefusalReasons } from '@/db/schema/machinery';
import { loadInScope } from '@/lib/applications/scope';
import type { Actor, Grant } from '@/lib/auth/actor';
import { loadWorkCalendar } from '@/lib/calendar/work-calendar';
import { ownerView } from './load';
import { collectFrom } from './review-rules';

/**
 * The citizen's page of a machinery application (the applicant, the owner or the representative): what was decided,
 * on which legal basis (p.7, p.8, p.13), and for an approval where and from which day to collect (p.11).
 */
export async function cabinetMachineryFor(actor: Actor, grant: Grant, id: string) {
  const app = await loadInScope({ db, actor, grant }, ownerView, id);
  const code = app.machinery.refusalReasonCode;
  const [reason] = code ? await db.select().from(machineryRefusalReasons).where(eq(machineryRefusalReasons.code, code)) : [];
  const from = app.status === 'approved' && app.decidedAt ? collectFrom(app.decidedAt, await loadWorkCalendar(db)) : null;
  return { app, reason: reason ?? null, collectFrom: from };
}
