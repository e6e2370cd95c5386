import 'server-only';
import { headers } from 'next/headers';
import { forbidden } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { redirect } from '@/i18n/navigation';
import { db } from '@/db';
import { audit, scopeLabel } from '@/lib/audit';
import { DomainError } from '@/lib/errors';
import type { Actor, Grant } from './actor';
import { areaRoles, type Area } from './access';
import type { Role } from './roles';
import { safeNextPath, signInHref } from './next-path';
import { grantFor } from './scope';
import { getActor } from './session';

/** Pages: the signed-in actor, or a redirect to sign-in that comes back to this page (proxy.ts's `x-pathname`). */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    const [locale, h] = await Promise.all([getLocale(), headers()]);
    const here = safeNextPath(h.get('x-pathname'));
    return redirect({ href: here ? signInHref(here) : '/sign-in', locale });
  }
  return actor;
}

/**
 * A refusal for want of a role (issue 14), audited with who, which roles and scopes they hold and what they asked
 * for. Its own statement, not the request's transaction: the refusal is kept whatever happens next.
 */
async function auditForbidden(actor: Actor, roles: Role[], via: 'page' | 'action') {
  await audit(db, actor, null, {
    action: 'access.forbidden',
    data: { via, required: roles, held: actor.grants.map((g) => `${g.role}@${scopeLabel(g)}`) },
  });
}

/** Pages: the actor and their grant for one of these roles, or 403. */
export async function requireRole(...roles: Role[]): Promise<{ actor: Actor; grant: Grant }> {
  const actor = await requireActor();
  const grant = grantFor(actor.grants, roles);
  if (!grant) {
    await auditForbidden(actor, roles, 'page');
    forbidden();
  }
  return { actor, grant };
}

/** Server actions: like requireRole, but speaks in error codes instead of rendering a page. */
export async function authorizeAction(...roles: Role[]): Promise<{ actor: Actor; grant: Grant }> {
  const actor = await getActor();
  if (!actor) throw new DomainError('unauthenticated');
  const grant = grantFor(actor.grants, roles);
  if (!grant) {
    await auditForbidden(actor, roles, 'action');
    throw new DomainError('forbidden');
  }
  return { actor, grant };
}

/** Pages of a work area: the roles come from the one access table (lib/auth/access.ts). */
export async function requireArea(area: Area): Promise<{ actor: Actor; grant: Grant }> {
  return requireRole(...areaRoles[area]);
}
