import type { Db, DbOrTx } from '@/db/client';
import { audit } from '@/lib/audit';
import type { Actor, Grant } from '@/lib/auth/actor';
import { inScope, type ScopeTarget } from '@/lib/auth/scope';
import { DomainError } from '@/lib/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);

/**
 * How one party sees a pilot's applications: the loader, and the scope columns that party is matched on
 * (lib/auth/scope.ts). One view per party, so a dealer's grant is never matched on a buyer's IIN.
 */
export type ScopedView<T> = { name: string; load: (db: DbOrTx, id: string) => Promise<T | null>; scopeOf: (app: T) => ScopeTarget };

/**
 * Who asks. `db` is never a transaction: the audit row of a refusal must outlive the request that is refused.
 * `actor` is null only for a caller with no person behind it (a test or the bench); pages pass theirs.
 */
export type ScopeContext = { db: Db; actor: Pick<Actor, 'userId' | 'iin'> | null; grant: Grant };

/**
 * The one way to open an application for an actor (docs/decisions.md, "Service context, scope policy, who may
 * act"): a malformed id, a missing one and one outside the actor's scope all answer `not_found`, so probing ids
 * tells nothing; the refusal and the miss are audited (who, role, scope, which view) without the applicant's IIN.
 */
export async function loadInScope<T>(ctx: ScopeContext, view: ScopedView<T>, id: string): Promise<T> {
  const wellFormed = isUuid(id);
  const app = wellFormed ? await view.load(ctx.db, id) : null;
  if (!app) {
    // Issue 14: a miss is a denial too (probing ids is how one looks for other people's applications).
    await audit(ctx.db, ctx.actor, ctx.grant, {
      action: 'access.not_found',
      applicationId: null,
      data: { view: view.name, ...(wellFormed ? { id } : { malformed: true }) },
    });
    throw new DomainError('not_found');
  }
  if (inScope(ctx.grant, view.scopeOf(app), ctx.actor?.iin)) return app;
  await audit(ctx.db, ctx.actor, ctx.grant, { action: 'access.denied', applicationId: id, data: { view: view.name } });
  throw new DomainError('not_found');
}
