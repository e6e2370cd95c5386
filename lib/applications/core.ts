import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applicationEvents, applications } from '@/db/schema/applications';
import type { Pilot } from '@/db/schema/reference';
import { audit } from '@/lib/audit';
import type { Actor, Grant } from '@/lib/auth/actor';
import { DomainError, isDomainError } from '@/lib/errors';
import { pilotTable } from '@/lib/pilots/table';
import type { CheckLine } from './check-run';
import type { Machine } from './machine';
import { nextNumberOf } from './numbers';

/** Each pilot's number prefix, as it registered it (lib/pilots/table.ts). */
export const numberPrefix = Object.fromEntries(Object.entries(pilotTable).map(([p, d]) => [p, d.prefix])) as Record<Pilot, string>;

/** VR-2026-000123: a sequence per prefix and year (lib/applications/numbers.ts); may have gaps, never waits. */
export async function nextApplicationNumber(tx: DbOrTx, pilot: Pilot, year: number): Promise<string> {
  return nextNumberOf(tx, numberPrefix[pilot], year);
}

type NewApplication = Omit<typeof applications.$inferInsert, 'id' | 'number' | 'version' | 'createdAt' | 'updatedAt'>;

/** Creates an application with its first timeline event, in the caller's transaction. */
export async function createApplication(
  tx: DbOrTx,
  input: NewApplication & { year: number },
  actor: Pick<Actor, 'userId'> | null,
  grant: Grant | null,
) {
  const { year, ...values } = input;
  const number = await nextApplicationNumber(tx, values.pilot, year);
  const [app] = await tx
    .insert(applications)
    .values({ ...values, number })
    .returning();
  await tx.insert(applicationEvents).values({
    applicationId: app!.id,
    type: 'created',
    toStatus: app!.status,
    actorUserId: actor?.userId ?? null,
    actorRole: grant?.role ?? null,
  });
  await audit(tx, actor, grant, { action: `${values.pilot}.created`, applicationId: app!.id, subjectIin: values.applicantIin });
  return app!;
}

/**
 * Moves an application through its machine: only the party the machine names may fire the event (a system event
 * has no actor, a person's event needs that person's role: `not_your_step`), then compare-and-set on `version`,
 * so of two reviewers deciding at once exactly one wins and the other gets `application_changed`; the event and
 * the audit row commit with it.
 */
export async function transition<S extends string, E extends string, P extends string>(
  tx: DbOrTx,
  input: {
    id: string;
    expectedVersion: number;
    machine: Machine<S, E, P>;
    event: E;
    actor: Pick<Actor, 'userId'> | null;
    grant: Grant | null;
    set?: Partial<typeof applications.$inferInsert>;
    data?: Record<string, unknown>;
  },
) {
  // A person acts in a grant; the system has neither. Half of the pair is neither a person nor the system.
  const role = input.actor && input.grant ? input.grant.role : null;
  if (!input.actor !== !input.grant || !input.machine.mayFire(input.event, role))
    throw new DomainError('not_your_step', { event: input.event });
  const [current] = await tx
    .select({ status: applications.status, version: applications.version, applicantIin: applications.applicantIin })
    .from(applications)
    .where(eq(applications.id, input.id));
  if (!current) throw new DomainError('not_found');
  if (current.version !== input.expectedVersion) throw new DomainError('application_changed');
  const to = input.machine.next(current.status as S, input.event);
  const [row] = await tx
    .update(applications)
    .set({ ...input.set, status: to, version: sql`${applications.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(applications.id, input.id), eq(applications.version, input.expectedVersion)))
    .returning();
  if (!row) throw new DomainError('application_changed');
  await tx.insert(applicationEvents).values({
    applicationId: input.id,
    type: input.event,
    fromStatus: current.status,
    toStatus: to,
    actorUserId: input.actor?.userId ?? null,
    actorRole: input.grant?.role ?? null,
    data: input.data ?? {},
  });
  await audit(tx, input.actor, input.grant, {
    action: `application.${input.event}`,
    applicationId: input.id,
    subjectIin: current.applicantIin,
    data: { from: current.status, to },
  });
  return row;
}

/** Each registry check of a run (lib/applications/check-run.ts) on the application's timeline, in the caller's transaction (SPEC §2.2). */
export async function recordChecks(
  tx: DbOrTx,
  applicationId: string,
  actor: Pick<Actor, 'userId'> | null,
  grant: Grant | null,
  lines: readonly CheckLine[],
) {
  if (!lines.length) return;
  await tx.insert(applicationEvents).values(
    lines.map((l) => ({
      applicationId,
      type: 'check',
      actorUserId: actor?.userId ?? null,
      actorRole: grant?.role ?? null,
      data: { step: l.step, system: l.system, ok: l.ok, code: l.code, ...l.data },
    })),
  );
}

/**
 * The loser of a race between two deciders (`transition`'s version check answered `application_changed`): told who
 * decided first, by name, under the pilot's own error code; any other error goes on as it was.
 */
export async function raceLost(
  e: unknown,
  code: string,
  whoDecided: () => Promise<{ surname: string | null; givenName: string | null } | undefined>,
): Promise<never> {
  if (isDomainError(e) && e.code === 'application_changed') {
    const who = await whoDecided();
    if (who?.surname) throw new DomainError(code, { by: `${who.givenName} ${who.surname}` });
  }
  throw e;
}
